package org.traytalk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.model.UnverifiedPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingValuesTest {

    @Test
    void goodValuesParseToTheirTypes() throws Exception {
        assertThat(SettingValues.parse(SettingKey.NAME, "  Zoë's PC ")).isEqualTo("Zoë's PC");
        assertThat(SettingValues.parse(SettingKey.NAME, "x".repeat(24))).isEqualTo("x".repeat(24));
        assertThat(SettingValues.parse(SettingKey.NAME, "é".repeat(12))).isEqualTo("é".repeat(12));
        assertThat(SettingValues.parse(SettingKey.GROUP, "foxapp.$_-9")).isEqualTo("FOXAPP.$_-9");
        assertThat(SettingValues.parse(SettingKey.GROUP, "g".repeat(64))).isEqualTo("G".repeat(64));
        assertThat(SettingValues.parse(SettingKey.CARRIERS, "UDP, netbios,,mailslot"))
                .isEqualTo(List.of("udp", "netbios", "mailslot"));
        assertThat(SettingValues.parse(SettingKey.CARRIERS, "netbios, udp, NETBIOS"))
                .as("in the order given, each once").isEqualTo(List.of("netbios", "udp"));
        assertThat(SettingValues.parse(SettingKey.UDP_PORT, "1024")).isEqualTo(1024);
        assertThat(SettingValues.parse(SettingKey.UDP_PORT, "65535")).isEqualTo(65535);
        assertThat(SettingValues.parse(SettingKey.NETWORK_INTERFACES, "")).isEqualTo(List.of());
        assertThat(SettingValues.parse(SettingKey.NETWORK_INTERFACES, "eth0, wlan0")).isEqualTo(List.of("eth0", "wlan0"));
        assertThat(SettingValues.parse(SettingKey.UDP_TARGETS, "peer.lan, 10.0.0.7:40000, 192.168.5.0/24, pc-2"))
                .isEqualTo(List.of("peer.lan", "10.0.0.7:40000", "192.168.5.0/24", "pc-2"));
        assertThat(SettingValues.parse(SettingKey.LEGACY_CODEPAGE, "cp866")).isEqualTo(Charset.forName("IBM866"));
        assertThat(SettingValues.parse(SettingKey.HEARTBEAT_SECONDS, "5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(SettingValues.parse(SettingKey.HEARTBEAT_SECONDS, "3600")).isEqualTo(Duration.ofHours(1));
        assertThat(SettingValues.parse(SettingKey.FAIL_AFTER_MINUTES, "1")).isEqualTo(Duration.ofMinutes(1));
        assertThat(SettingValues.parse(SettingKey.FAIL_AFTER_MINUTES, "525600")).isEqualTo(Duration.ofDays(365));
        assertThat(SettingValues.parse(SettingKey.NETBIOS_WORKGROUP, "office-2")).isEqualTo("OFFICE-2");
        assertThat(SettingValues.parse(SettingKey.NETBIOS_WORKGROUP, "w".repeat(15))).isEqualTo("W".repeat(15));
        assertThat(SettingValues.parse(SettingKey.NETBIOS_NAME_SERVICE, "Off")).isEqualTo(false);
        assertThat(SettingValues.parse(SettingKey.ALERT_SOUND, "yes")).isEqualTo(true);
        assertThat(SettingValues.parse(SettingKey.ALERT_SECONDS, "0")).isEqualTo(Duration.ZERO);
        assertThat(SettingValues.parse(SettingKey.ALERT_SECONDS, "600")).isEqualTo(Duration.ofMinutes(10));
        assertThat(SettingValues.parse(SettingKey.NOTIFICATIONS, " Both ")).isEqualTo(NotificationStyle.BOTH);
        assertThat(SettingValues.parse(SettingKey.NOTIFICATIONS, "native")).isEqualTo(NotificationStyle.NATIVE);
        assertThat(SettingValues.parse(SettingKey.AWAY_MINUTES, "0")).isEqualTo(Duration.ZERO);
        assertThat(SettingValues.parse(SettingKey.AWAY_MINUTES, "1440")).isEqualTo(Duration.ofDays(1));
        assertThat(SettingValues.parse(SettingKey.STATUS, "in a meeting until 3")).isEqualTo("in a meeting until 3");
        assertThat(SettingValues.parse(SettingKey.STATUS, "")).isEqualTo("");
        assertThat(SettingValues.parse(SettingKey.SEEN_RECEIPTS, "off")).isEqualTo(false);
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "NAME|''",
        "NAME|*",
        "NAME|tab\there",
        "NAME|xxxxxxxxxxxxxxxxxxxxxxxxx",
        "NAME|BO\u200BB",
        "NAME|BOB\u202E",
        "GROUP|''",
        "GROUP|two words",
        "GROUP|back\\slash",
        "GROUP|ggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg",
        "CARRIERS|''",
        "NETBIOS_WORKGROUP|''",
        "NETBIOS_WORKGROUP|wwwwwwwwwwwwwwww",
        "NETBIOS_WORKGROUP|a*b",
        "NETBIOS_WORKGROUP|café",
        "NETBIOS_NAME_SERVICE|maybe",
        "ALERT_SOUND|''",
        "TRAY_BLINK|sometimes",
        "ALERT_SECONDS|601",
        "ALERT_SECONDS|-1",
        "NOTIFICATIONS|toast",
        "AWAY_MINUTES|1441",
        "STATUS|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "STATUS|tab\there",
        "SEEN_RECEIPTS|sometimes",
        "CARRIERS|' , '",
        "CARRIERS|udp, tcp",
        "UDP_PORT|1023",
        "UDP_PORT|65536",
        "UDP_PORT|port",
        "UDP_PORT|42138.5",
        "UDP_TARGETS|host:0",
        "UDP_TARGETS|host:70000",
        "UDP_TARGETS|10.0.0.300",
        "UDP_TARGETS|10.0.0.0/33",
        "UDP_TARGETS|10.0.0.0/0",
        "UDP_TARGETS|peer.lan/24",
        "UDP_TARGETS|under_score.lan",
        "UDP_TARGETS|[::1]:5000",
        "UDP_TARGETS|-bad.lan",
        "LEGACY_CODEPAGE|no-such-charset",
        "LEGACY_CODEPAGE|'bad name!'",
        "LEGACY_CODEPAGE|UTF-16",
        "HEARTBEAT_SECONDS|4",
        "HEARTBEAT_SECONDS|3601",
        "FAIL_AFTER_MINUTES|0",
        "FAIL_AFTER_MINUTES|525601",
        "FAIL_AFTER_MINUTES|99999999999999999999",
    })
    void badValuesAreRefused(SettingKey key, String value) {
        assertThatThrownBy(() -> SettingValues.parse(key, value))
                .isInstanceOf(SettingValues.BadValueException.class)
                .hasMessageNotContaining("null");
    }

    @Test
    void tooLongNameSaysTheByteCount() {
        assertThatThrownBy(() -> SettingValues.parse(SettingKey.NAME, "ä".repeat(13)))
                .hasMessageContaining("26 bytes").hasMessageContaining("24");
    }

    @ParameterizedTest
    @ValueSource(strings = {"windows-1252", "cp1251", "ISO-8859-1", "UTF-8"})
    void asciiCompatibleCodePagesAreAccepted(String name) throws Exception {
        assertThat(SettingValues.parse(SettingKey.LEGACY_CODEPAGE, name)).isEqualTo(Charset.forName(name));
    }

    @Test
    void defaultsFormatBackToParseableText() throws Exception {
        Settings defaults = SettingValues.defaults("PC1");
        for (SettingKey key : SettingKey.values()) {
            String text = SettingValues.format(key, defaults);
            Object parsed = SettingValues.parse(key, text);

            assertThat(SettingValues.format(key, withValue(defaults, key, parsed))).as(key.key()).isEqualTo(text);
        }
        assertThat(SettingValues.format(SettingKey.CARRIERS,
                new Settings("a", "G", List.of("netbios", "udp"), 1024, List.of(), List.of(),
                        defaults.legacyCharset(), defaults.heartbeat(), defaults.failAfter(), "WORKGROUP", true,
                        defaults.alertTime(), false, false, defaults.notifications(), defaults.awayAfter(), "", true,
                        UnverifiedPolicy.WARN, "")))
                .as("in the order they start").isEqualTo("netbios, udp");
    }

    @SuppressWarnings("unchecked")
    private static Settings withValue(Settings s, SettingKey key, Object v) {
        return new Settings(
                key == SettingKey.NAME ? (String) v : s.displayName(),
                key == SettingKey.GROUP ? (String) v : s.group(),
                key == SettingKey.CARRIERS ? (List<String>) v : s.carriers(),
                key == SettingKey.UDP_PORT ? (Integer) v : s.udpPort(),
                key == SettingKey.NETWORK_INTERFACES ? (List<String>) v : s.interfaces(),
                key == SettingKey.UDP_TARGETS ? (List<String>) v : s.extraTargets(),
                key == SettingKey.LEGACY_CODEPAGE ? (Charset) v : s.legacyCharset(),
                key == SettingKey.HEARTBEAT_SECONDS ? (Duration) v : s.heartbeat(),
                key == SettingKey.FAIL_AFTER_MINUTES ? (Duration) v : s.failAfter(),
                key == SettingKey.NETBIOS_WORKGROUP ? (String) v : s.netbiosWorkgroup(),
                key == SettingKey.NETBIOS_NAME_SERVICE ? (Boolean) v : s.nameService(),
                key == SettingKey.ALERT_SECONDS ? (Duration) v : s.alertTime(),
                key == SettingKey.ALERT_SOUND ? (Boolean) v : s.alertSound(),
                key == SettingKey.TRAY_BLINK ? (Boolean) v : s.trayBlink(),
                key == SettingKey.NOTIFICATIONS ? (NotificationStyle) v : s.notifications(),
                key == SettingKey.AWAY_MINUTES ? (Duration) v : s.awayAfter(),
                key == SettingKey.STATUS ? (String) v : s.statusLine(),
                key == SettingKey.SEEN_RECEIPTS ? (Boolean) v : s.seenReceipts(),
                key == SettingKey.UNVERIFIED_PEERS ? (UnverifiedPolicy) v : s.unverified(),
                key == SettingKey.GROUP_PASSPHRASE ? (String) v : s.passphrase());
    }

    @Test
    void windowsUsesMailslotsAsWellByDefault() {
        assertThat(SettingValues.defaultCarriers("Windows 11")).containsExactly("udp", "mailslot");
        assertThat(SettingValues.defaultCarriers("Linux")).containsExactly("udp");
        assertThat(SettingValues.defaultCarriers("Mac OS X")).containsExactly("udp");
    }
}
