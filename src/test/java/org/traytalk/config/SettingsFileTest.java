package org.traytalk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.traytalk.model.UnverifiedPolicy;

class SettingsFileTest {

    @TempDir
    Path dir;
    private Path path;
    private SettingsFile file;

    @BeforeEach
    void setUp() {
        path = dir.resolve("config").resolve(SettingsFile.FILE_NAME);
        file = new SettingsFile(path, "DESK7");
    }

    @Test
    void firstRunWritesEveryKeyCommentedOutWithItsDefault() throws IOException {
        LoadedSettings loaded = file.loadOrCreate();

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.settings()).isEqualTo(file.defaults());
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        assertThat(lines).contains(
                "#name = DESK7", "#group = FOXAPP", "#carriers = udp", "#udp.port = 42138",
                "#network.interfaces =", "#udp.targets =", "#legacy.codepage = windows-1252",
                "#presence.heartbeat.seconds = 60", "#delivery.fail.after.minutes = 1440");
        for (SettingKey key : SettingKey.values()) {
            int at = lines.indexOf(SettingsTemplate.commentedDefault(key, file.defaults()));
            assertThat(lines.get(at - 1)).as("explanation above " + key.key()).isEqualTo("# " + key.explanation());
        }
        assertThat(javaProperties()).as("nothing active").isEmpty();
        assertThat(file.createIfMissing()).as("second run keeps the file").isFalse();
    }

    @Test
    void defaultsMatchTheSettingsContract() {
        Settings d = file.defaults();

        assertThat(d.displayName()).isEqualTo("DESK7");
        assertThat(d.group()).isEqualTo(Settings.DEFAULT_GROUP);
        assertThat(d.carriers()).containsExactly("udp");
        assertThat(d.udpPort()).isEqualTo(Settings.DEFAULT_UDP_PORT);
        assertThat(d.interfaces()).isEmpty();
        assertThat(d.extraTargets()).isEmpty();
        assertThat(d.legacyCharset()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(d.heartbeat()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.failAfter()).isEqualTo(Duration.ofMinutes(1440));
    }

    @Test
    void missingFileMeansDefaultsWithoutWriting() {
        assertThat(file.load()).isEqualTo(new LoadedSettings(file.defaults(), List.of()));
        assertThat(path).doesNotExist();
    }

    @Test
    void everyKeyIsRead() throws IOException {
        write("name = Zoë", "group = team1", "carriers = udp, netbios", "udp.port = 50000",
                "network.interfaces = eth0", "udp.targets = 10.1.0.0/16, box:4000", "legacy.codepage = cp1251",
                "presence.heartbeat.seconds = 30", "delivery.fail.after.minutes = 90");

        LoadedSettings loaded = file.load();

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.settings()).isEqualTo(new Settings("Zoë", "TEAM1", List.of("udp", "netbios"), 50000,
                List.of("eth0"), List.of("10.1.0.0/16", "box:4000"), Charset.forName("windows-1251"),
                Duration.ofSeconds(30), Duration.ofMinutes(90), "WORKGROUP", true, Duration.ofSeconds(8), false,
                false, NotificationStyle.POPUP, Duration.ofMinutes(10), "", true, UnverifiedPolicy.WARN, ""));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "name|a name that is far too long for a header|DESK7",
        "group|not a group!|FOXAPP",
        "carriers|udp, pigeon|udp",
        "udp.port|80|42138",
        "udp.targets|10.0.0.1/40|''",
        "legacy.codepage|klingon|windows-1252",
        "presence.heartbeat.seconds|1|60",
        "delivery.fail.after.minutes|never|1440",
    })
    void badValueWarnsWithKeyValuePathAndDefault(String key, String bad, String defaultText) throws IOException {
        write(key + " = " + bad, "udp.port" .equals(key) ? "group = other" : "udp.port = 40000");

        LoadedSettings loaded = file.load();

        assertThat(loaded.warnings()).singleElement().asString()
                .contains("'" + key + "'", "\"" + bad + "\"", path.toString(), "default \"" + defaultText + "\"");
        Settings expected = "udp.port".equals(key)
                ? withGroup(file.defaults(), "OTHER")
                : withPort(file.defaults(), 40000);
        assertThat(loaded.settings()).as("the bad key is default, the good one applies").isEqualTo(expected);
    }

    @Test
    void tooLongNameWarningGivesTheByteCount() throws IOException {
        write("name = " + "ü".repeat(20));

        assertThat(file.load().warnings()).singleElement().asString().contains("40 bytes");
    }

    @Test
    void unknownAndDuplicateKeysWarn() throws IOException {
        write("nmae = typo", "udp.port = 40000", "udp.port = 40001");

        LoadedSettings loaded = file.load();

        assertThat(loaded.settings().udpPort()).isEqualTo(40001);
        assertThat(loaded.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("'nmae'", path.toString()))
                .anySatisfy(w -> assertThat(w).contains("'udp.port'", "more than once"));
    }

    @Test
    void valuesAreTakenLiterallyWithoutInterpolation() throws IOException {
        write("name = ${sys:user.name}");

        assertThat(file.load().settings().displayName()).isEqualTo("${sys:user.name}");
    }

    @Test
    void setUncommentsBelowTheDefaultAndKeepsComments() throws IOException {
        file.loadOrCreate();
        List<String> before = Files.readAllLines(path, StandardCharsets.UTF_8);

        file.set("udp.port", "50001");

        List<String> after = Files.readAllLines(path, StandardCharsets.UTF_8);
        int commented = after.indexOf("#udp.port = 42138");
        assertThat(after.get(commented + 1)).isEqualTo("udp.port = 50001");
        List<String> withoutNewLine = new ArrayList<>(after);
        withoutNewLine.remove(commented + 1);
        assertThat(withoutNewLine).isEqualTo(before);
        assertThat(file.load().settings().udpPort()).isEqualTo(50001);
    }

    @Test
    void setReplacesAnExistingValueInPlace() throws IOException {
        write("# my own note", "name = Old", "# trailing note");

        file.set("name", "New Näme");
        file.set("carriers", "netbios,udp");

        assertThat(Files.readAllLines(path, StandardCharsets.UTF_8)).containsExactly(
                "# my own note", "name = New Näme", "# trailing note", "", "carriers = netbios,udp");
        assertThat(file.load().settings().displayName()).isEqualTo("New Näme");
        assertThat(file.load().settings().carriers()).as("in the order written").containsExactly("netbios", "udp");
    }

    @Test
    void setRoundTripsCharactersThePropertiesFormatEscapes() throws IOException {
        file.set("name", "a\\b #c=d:e!");

        assertThat(file.load()).satisfies(l -> {
            assertThat(l.warnings()).isEmpty();
            assertThat(l.settings().displayName()).isEqualTo("a\\b #c=d:e!");
        });
    }

    @Test
    void setRefusesBadValuesAndUnknownKeysWithoutWriting() throws IOException {
        file.loadOrCreate();
        byte[] before = Files.readAllBytes(path);

        assertThatThrownBy(() -> file.set("udp.port", "80")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("udp.port").hasMessageContaining("80");
        assertThatThrownBy(() -> file.set("colour", "blue")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour");
        assertThat(Files.readAllBytes(path)).isEqualTo(before);
    }

    @Test
    void unreadableFileWarnsAndUsesDefaults() throws IOException {
        Files.createDirectories(path); // a folder where the file should be

        LoadedSettings loaded = file.load();

        assertThat(loaded.settings()).isEqualTo(file.defaults());
        assertThat(loaded.warnings()).singleElement().asString().contains(path.toString());
    }

    private void write(String... lines) throws IOException {
        Files.createDirectories(path.getParent());
        Files.write(path, List.of(lines), StandardCharsets.UTF_8);
    }

    private Properties javaProperties() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Settings withPort(Settings s, int port) {
        return new Settings(s.displayName(), s.group(), s.carriers(), port, s.interfaces(), s.extraTargets(),
                s.legacyCharset(), s.heartbeat(), s.failAfter(), s.netbiosWorkgroup(), s.nameService(), s.alertTime(),
                s.alertSound(), s.trayBlink(), s.notifications(), s.awayAfter(), s.statusLine(), s.seenReceipts(), s.unverified(),
                s.passphrase());
    }

    @Test
    void thePassphraseComesFromTheSettingOrAGroupKeyFileBesideItAndIsNeverShown() throws Exception {
        Path file = dir.resolve(SettingsFile.FILE_NAME);
        SettingsFile settings = new SettingsFile(file, "PC1");
        settings.loadOrCreate();
        assertThat(settings.load().settings().passphrase()).isEmpty();

        Files.writeString(dir.resolve(SettingsFile.GROUP_KEY), "\n  dropped by the installer  \nsecond line\n");
        LoadedSettings fromFile = settings.load();
        assertThat(fromFile.settings().passphrase()).isEqualTo("dropped by the installer");
        assertThat(fromFile.warnings()).isEmpty();
        assertThat(fromFile.settings().toString()).doesNotContain("dropped").contains("with a passphrase");
        assertThat(fromFile.settings().network().toString()).doesNotContain("dropped");

        settings.set("group.passphrase", "typed in the settings");
        assertThat(settings.load().settings().passphrase()).isEqualTo("typed in the settings");

        settings.set("group.passphrase", "");
        Files.writeString(dir.resolve(SettingsFile.GROUP_KEY), "\n");
        assertThat(settings.load().warnings()).singleElement().asString().contains("is empty");
    }

    @Test
    void theUnverifiedPolicyIsReadAndABadOneReported() throws Exception {
        Path file = dir.resolve(SettingsFile.FILE_NAME);
        Files.writeString(file, "unverified.peers = Refuse\n");
        assertThat(new SettingsFile(file, "PC1").load().settings().unverified()).isEqualTo(UnverifiedPolicy.REFUSE);
        Files.writeString(file, "unverified.peers = maybe\n");
        LoadedSettings bad = new SettingsFile(file, "PC1").load();
        assertThat(bad.settings().unverified()).isEqualTo(UnverifiedPolicy.WARN);
        assertThat(bad.warnings()).singleElement().asString().contains("unverified.peers")
                .contains("allow, warn or refuse");
    }

    private static Settings withGroup(Settings s, String group) {
        return new Settings(s.displayName(), group, s.carriers(), s.udpPort(), s.interfaces(), s.extraTargets(),
                s.legacyCharset(), s.heartbeat(), s.failAfter(), s.netbiosWorkgroup(), s.nameService(), s.alertTime(),
                s.alertSound(), s.trayBlink(), s.notifications(), s.awayAfter(), s.statusLine(), s.seenReceipts(),
                s.unverified(), s.passphrase());
    }

    @Test
    void formsCheckOneFieldWithTheSameRulesAsTheFile() {
        assertThat(SettingsFile.problemWith(SettingKey.UDP_PORT, "80")).contains("out of range, a whole number from 1024 to 65535");
        assertThat(SettingsFile.problemWith(SettingKey.UDP_PORT, " 50000 ")).isEmpty();
        assertThat(SettingsFile.problemWith(SettingKey.ALERT_SOUND, "loud")).contains("use on or off");
        Settings defaults = new SettingsFile(dir.resolve("x.properties"), "DESK7").defaults();
        assertThat(SettingsFile.text(SettingKey.ALERT_SECONDS, defaults)).isEqualTo("8");
        assertThat(SettingsFile.text(SettingKey.NETBIOS_WORKGROUP, defaults)).isEqualTo("WORKGROUP");
        assertThat(SettingsFile.text(SettingKey.NETBIOS_NAME_SERVICE, defaults)).isEqualTo("on");
    }
}
