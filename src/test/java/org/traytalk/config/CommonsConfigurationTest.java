package org.traytalk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.io.FileHandler;
import org.apache.commons.configuration2.reloading.FileHandlerReloadingDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Commons Configuration itself would do with TrayTalk's settings file: why {@link PropertiesLines} places and
 * writes entries and {@link SettingsWatcher} looks for changes by hand. When a version of the library stops doing
 * one of these, its test fails, and the hand code can give way to the library.
 */
class CommonsConfigurationTest {
    @TempDir
    Path dir;

    /** The library's save through {@code PropertiesConfigurationLayout}, after one {@code setProperty}. */
    private static String savedWith(List<String> lines, String key, String value) throws Exception {
        PropertiesConfiguration config = new PropertiesConfiguration();
        FileHandler handler = new FileHandler(config);
        handler.load(new StringReader(String.join("\n", lines) + "\n"));
        config.setProperty(key, value);
        StringWriter out = new StringWriter();
        handler.save(out);
        return out.toString();
    }

    @Test
    void onTheFileWrittenAtFirstRunTheLibraryPutsANewKeyAboveTheHeader() throws Exception {
        List<String> template = SettingsTemplate.lines(SettingValues.defaults("DESK7"));

        String saved = savedWith(template, "udp.port", "50000");

        assertThat(saved.lines().findFirst()).hasValue("udp.port = 50000");
        assertThat(PropertiesLines.withValue(template, "udp.port", "50000")).as("ours")
                .startsWith(template.get(0))
                .containsSubsequence("#udp.port = 42138", "udp.port = 50000");
    }

    @Test
    void theLibraryRewritesEntriesItWasNotAskedToTouch() throws Exception {
        List<String> lines = List.of("# mine", "carriers = udp, \\", "    netbios", "", "#udp.port = 42138");

        String saved = savedWith(lines, "udp.port", "50000");

        assertThat(saved).contains("carriers = udp, netbios").doesNotContain("    netbios");
        assertThat(saved.lines().toList()).as("after the last entry, so above its commented default")
                .containsSubsequence("udp.port = 50000", "#udp.port = 42138");
        assertThat(PropertiesLines.withValue(lines, "udp.port", "50000")).as("ours")
                .containsExactly("# mine", "carriers = udp, \\", "    netbios", "", "#udp.port = 42138",
                        "udp.port = 50000");
    }

    @Test
    void theLibraryWritesNonAsciiAsEscapesInAFilePeopleEditAsUtf8() throws Exception {
        assertThat(savedWith(List.of(), "name", "Zoë")).contains("name = Zo\\u00EB");
        assertThat(PropertiesLines.entry("name", "Zoë")).as("ours").isEqualTo("name = Zoë");
    }

    @Test
    void theReloadingDetectorMissesAnEditThatKeepsTheModificationTime() throws Exception {
        Path file = dir.resolve(SettingsFile.FILE_NAME);
        Files.writeString(file, "udp.port = 40000\n", StandardCharsets.UTF_8);
        FileTime stamp = Files.getLastModifiedTime(file);
        FileHandler handler = new FileHandler();
        handler.setFile(file.toFile());
        FileHandlerReloadingDetector detector = new FileHandlerReloadingDetector(handler, 0);
        detector.refresh();

        Files.writeString(file, "udp.port = 50000\ngroup = TEAM\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, stamp); // a copy that keeps the time, or two writes within the clock's step

        assertThat(detector.isReloadingRequired()).isFalse();
        // SettingsWatcherTest.anEditThatKeepsTheModificationTimeIsSeen: ours compares size and file identity too
    }
}
