package org.traytalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.model.PeerAddress;

/** Our own name from elsewhere reaches the tray once per name, however many sources send it. */
class NameClashesTest {
    private final List<String> problems = new ArrayList<>();
    private final NameClashes clashes = new NameClashes(problems::add);

    @Test
    void aFloodUnderOurNameFromEverNewPortsIsReportedOnce() {
        for (int port = 1024; port < 1024 + 5_000; port++) {
            clashes.heard(new PeerAddress("udp", "10.0.0.66:" + port), "ALICE");
        }
        assertThat(problems).containsExactly("Another computer (10.0.0.66:1024) also calls itself ALICE: messages to"
                + " this name may go to either. Change \"name\" in the settings.");
    }

    @Test
    void aNewNameThatClashesTooIsReportedAgain() {
        clashes.heard(new PeerAddress("udp", "10.0.0.66:1024"), "ALICE");
        clashes.heard(new PeerAddress("udp", "10.0.0.67:1024"), "alice");
        clashes.heard(new PeerAddress("udp", "10.0.0.68:1024"), "ALICE2");
        assertThat(problems).hasSize(2).last().asString().contains("10.0.0.68:1024").contains("ALICE2");
    }
}
