package org.traytalk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComputerNameTest {

    @Test
    void windowsUsesComputerName() {
        assertThat(ComputerName.choose("Windows 11", Map.of("COMPUTERNAME", "OFFICE-PC7"), () -> "other.lan"))
                .isEqualTo("OFFICE-PC7");
    }

    @Test
    void windowsWithoutComputerNameFallsBackToTheHostName() {
        assertThat(ComputerName.choose("Windows 11", Map.of(), () -> "desk.corp.lan")).isEqualTo("desk");
    }

    @Test
    void otherSystemsUseTheHostNameUpToTheFirstDot() {
        assertThat(ComputerName.choose("Linux", Map.of("COMPUTERNAME", "IGNORED"), () -> "laptop.example.org"))
                .isEqualTo("laptop");
    }

    @Test
    void noUsableNameGivesTheFallback() {
        assertThat(ComputerName.choose("Linux", Map.of(), () -> null)).isEqualTo(ComputerName.FALLBACK);
        assertThat(ComputerName.choose("Linux", Map.of(), () -> " \t")).isEqualTo(ComputerName.FALLBACK);
        assertThat(ComputerName.choose("Linux", Map.of(), () -> ".local")).isEqualTo(ComputerName.FALLBACK);
        assertThat(ComputerName.choose("Linux", Map.of(), () -> "*")).isEqualTo(ComputerName.FALLBACK);
    }

    @Test
    void longNamesAreCutTo24Utf8BytesBetweenCharacters() {
        String name = "x".repeat(23) + "é" + "tail"; // é is two bytes: only 23 bytes fit before it
        String chosen = ComputerName.choose("Linux", Map.of(), () -> name);

        assertThat(chosen).isEqualTo("x".repeat(23));
        assertThat(ComputerName.truncateUtf8("ab\uD83D\uDE00c", 5)).isEqualTo("ab"); // emoji is 4 bytes
        assertThat(ComputerName.truncateUtf8("ab\uD83D\uDE00c", 6)).isEqualTo("ab\uD83D\uDE00");
        assertThat(ComputerName.truncateUtf8("ÄÖÜ", 24)).isEqualTo("ÄÖÜ");
        assertThat("ÄÖÜ".repeat(10)).satisfies(s -> assertThat(
                ComputerName.truncateUtf8(s, 24).getBytes(StandardCharsets.UTF_8)).hasSize(24));
    }
}
