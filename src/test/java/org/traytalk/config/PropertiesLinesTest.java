package org.traytalk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertiesLinesTest {

    @Test
    void replacesAContinuedEntryAndDropsDuplicates() {
        List<String> lines = List.of("# head", "udp.targets = a, \\", "   b", "name = x", "udp.targets: c", "# tail");

        assertThat(PropertiesLines.withValue(lines, "udp.targets", "d"))
                .containsExactly("# head", "udp.targets = d", "name = x", "# tail");
    }

    @Test
    void insertsBelowTheCommentedDefaultNotBelowLookalikes() {
        List<String> lines = List.of("# name of the group", "#group = FOXAPP", "", "#groupx = 1", "! group : old");

        assertThat(PropertiesLines.withValue(lines, "group", "TEAM"))
                .containsExactly("# name of the group", "#group = FOXAPP", "", "#groupx = 1", "! group : old",
                        "group = TEAM");
    }

    @Test
    void appendsWhenTheKeyIsNowhere() {
        assertThat(PropertiesLines.withValue(List.of("# only a comment"), "udp.port", "40000"))
                .containsExactly("# only a comment", "", "udp.port = 40000");
        assertThat(PropertiesLines.withValue(List.of(), "udp.port", "40000")).containsExactly("udp.port = 40000");
    }

    @Test
    void commentLinesEndingInBackslashDoNotSwallowTheNextEntry() {
        List<String> lines = List.of("# path C:\\", "name = old");

        assertThat(PropertiesLines.withValue(lines, "name", "new")).containsExactly("# path C:\\", "name = new");
    }

    @Test
    void entryEscapesBackslashesAndALeadingBlank() {
        assertThat(PropertiesLines.entry("name", "a\\b c")).isEqualTo("name = a\\\\b c");
        assertThat(PropertiesLines.entry("name", " x")).isEqualTo("name = \\ x");
        assertThat(PropertiesLines.keyOf("  udp.port:1")).isEqualTo("udp.port");
        assertThat(PropertiesLines.keyOf("a\\=b = c")).isEqualTo("a=b");
        assertThat(PropertiesLines.keyOf("  # note")).isNull();
    }
}
