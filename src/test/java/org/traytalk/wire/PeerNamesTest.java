package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerNamesTest {

    @Test
    void ordinaryNamesInAnyScriptPass() {
        for (String name : new String[] {"BOB", "Zoë", "PC-LAB 2", "Пётр", "山田", "a".repeat(24), "🙂"}) {
            assertThat(PeerNames.problem(name)).as(name).isNull();
        }
    }

    @Test
    void invisibleControlAndLookAlikeTricksAreRefused() {
        assertThat(PeerNames.problem("")).contains("1 to 24 bytes");
        assertThat(PeerNames.problem("a".repeat(25))).contains("1 to 24 bytes");
        assertThat(PeerNames.problem(" BOB")).contains("blanks");
        assertThat(PeerNames.problem("BOB\n")).contains("U+000A");
        assertThat(PeerNames.problem("BO\u200BB")).contains("U+200B");  // zero-width space
        assertThat(PeerNames.problem("BOB\u202E")).contains("U+202E");  // right-to-left override
        assertThat(PeerNames.problem("\uFEFFBOB")).contains("U+FEFF");  // byte-order mark
        assertThat(PeerNames.problem("BO\u2066B")).contains("U+2066");  // left-to-right isolate
        assertThat(PeerNames.problem("B\u2028B")).contains("U+2028");   // line separator
    }
}
