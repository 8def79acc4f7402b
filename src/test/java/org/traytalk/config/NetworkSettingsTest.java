package org.traytalk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which settings need a restart: exactly the ones the carriers are built from. */
class NetworkSettingsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "carriers                    | udp, netbios  | true",
        "udp.port                    | 50000         | true",
        "network.interfaces          | eth0          | true",
        "udp.targets                 | 10.0.0.9      | true",
        "group                       | TEAM1         | true",
        "legacy.codepage             | cp866         | true",
        "netbios.workgroup           | OFFICE        | true",
        "netbios.nameservice         | off           | true",
        "name                        | ZOE           | false",
        "presence.heartbeat.seconds  | 30            | false",
        "delivery.fail.after.minutes | 5             | false",
        "alerts.seconds              | 20            | false",
        "alerts.sound                | on            | false"})
    void aChangeNeedsARestartOnlyForNetworkSettings(String key, String value, boolean restart) throws IOException {
        SettingsFile file = new SettingsFile(dir.resolve(SettingsFile.FILE_NAME), "DESK7");
        Settings before = file.loadOrCreate().settings();

        file.set(key, value);
        Settings after = file.load().settings();

        assertThat(after).isNotEqualTo(before);
        assertThat(!after.network().equals(before.network())).isEqualTo(restart);
    }
}
