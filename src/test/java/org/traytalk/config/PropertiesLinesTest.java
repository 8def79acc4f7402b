package org.traytalk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropertiesLinesTest {

    @Test
    void replacesAContinuedEntryAndDropsDuplicates() throws Exception {
        List<String> lines = List.of("# head", "udp.targets = a, \\", "   b", "name = x", "udp.targets: c", "# tail");

        assertThat(PropertiesLines.withValue(lines, "udp.targets", "d"))
                .containsExactly("# head", "udp.targets = d", "name = x", "# tail");
    }

    @Test
    void insertsBelowTheCommentedDefaultNotBelowLookalikes() throws Exception {
        List<String> lines = List.of("# name of the group", "#group = FOXAPP", "", "#groupx = 1", "! group : old");

        assertThat(PropertiesLines.withValue(lines, "group", "TEAM"))
                .containsExactly("# name of the group", "#group = FOXAPP", "", "#groupx = 1", "! group : old",
                        "group = TEAM");
    }

    @Test
    void insertsBelowACommentedDefaultBetweenEntries() throws Exception {
        List<String> lines = List.of("name = a", "", "#udp.port = 42138", "", "group = G", "   ");

        assertThat(PropertiesLines.withValue(lines, "udp.port", "40000"))
                .containsExactly("name = a", "", "#udp.port = 42138", "udp.port = 40000", "", "group = G", "   ");
    }

    @Test
    void appendsWhenTheKeyIsNowhere() throws Exception {
        assertThat(PropertiesLines.withValue(List.of("# only a comment"), "udp.port", "40000"))
                .containsExactly("# only a comment", "", "udp.port = 40000");
        assertThat(PropertiesLines.withValue(List.of(), "udp.port", "40000")).containsExactly("udp.port = 40000");
    }

    @Test
    void commentLinesEndingInBackslashDoNotSwallowTheNextEntry() throws Exception {
        List<String> lines = List.of("# path C:\\", "name = old");

        assertThat(PropertiesLines.withValue(lines, "name", "new")).containsExactly("# path C:\\", "name = new");
    }

    @Test
    void keysAreFoundAsTheReaderReadsThem() throws Exception {
        List<String> lines = List.of("\\u0075dp.port:1", "a\\=b = c", "  group\tG");

        assertThat(PropertiesLines.withValue(lines, "udp.port", "2")).containsExactly("udp.port = 2", "a\\=b = c",
                "  group\tG");
        assertThat(PropertiesLines.withValue(lines, "group", "H")).containsExactly("\\u0075dp.port:1", "a\\=b = c",
                "group = H");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\b c", " leading blank", "tab\there", "line\nbreak\r\f", "Zoë #c=d:e!", "\\u0041"})
    void entriesReadBackAsWritten(String value) throws Exception {
        String entry = PropertiesLines.entry("name", value);
        PropertiesConfiguration read = new PropertiesConfiguration();
        read.read(new StringReader(entry));

        assertThat(entry).startsWith("name = ").doesNotContain("\n");
        assertThat(read.getProperty("name")).isEqualTo(value);
    }

    @Test
    void entryKeepsTextReadable() {
        assertThat(PropertiesLines.entry("name", "a\\b c")).isEqualTo("name = a\\\\b c");
        assertThat(PropertiesLines.entry("name", "Zoë")).as("UTF-8 stays as it is").isEqualTo("name = Zoë");
    }
}
