package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.legacyPeer;
import static org.traytalk.testing.FakeMessenger.peer;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;

class PeerStatusesTest {
    private final PeerStatuses statuses = new PeerStatuses();

    @Test
    void theRosterSaysWhoIsAwayAndWhatTheirLineIs() {
        assertThat(statuses.reset(List.of(peer("BOB", true, new Status(true, "at lunch")),
                peer("Carol", true, new Status(false, "in a meeting until 3")), peer("DAVE", true)))).isTrue();
        assertThat(statuses.of("bob")).isEqualTo(new Status(true, "at lunch"));
        assertThat(statuses.suffix("BOB")).isEqualTo(" (away) - at lunch");
        assertThat(statuses.suffix("carol")).isEqualTo(" - in a meeting until 3");
        assertThat(statuses.suffix("DAVE")).isEmpty();
        assertThat(statuses.away(List.of("BOB", "Carol", "DAVE"))).isEqualTo(1);
        assertThat(statuses.reset(List.of(peer("BOB", true, new Status(true, "at lunch")),
                peer("Carol", true, new Status(false, "in a meeting until 3"))))).as("the same roster again").isFalse();
    }

    @Test
    void changesAreToldOnceAndGoingOfflineForgetsTheStatus() {
        assertThat(statuses.changed("BOB", new Status(true, ""))).isTrue();
        assertThat(statuses.changed("bob", new Status(true, ""))).as("the same again").isFalse();
        assertThat(statuses.suffix("BOB")).isEqualTo(" (away)");
        assertThat(statuses.peer(peer("BOB", true, new Status(true, "")))).as("online with it").isFalse();
        assertThat(statuses.peer(peer("BOB", false, new Status(true, "")))).as("went offline").isTrue();
        assertThat(statuses.of("BOB")).isEqualTo(Status.AVAILABLE);
        assertThat(statuses.changed("BOB", Status.AVAILABLE)).isFalse();
    }

    @Test
    void theOriginalProgramsPeersArePlainOnline() {
        Peer winpc = legacyPeer("WINPC", true);
        Peer claiming = new Peer("WINPC", winpc.address(), winpc.lastSeen(), true, 0, null, new Status(true, "fake"));
        assertThat(statuses.peer(claiming)).isFalse();
        assertThat(statuses.suffix("WINPC")).isEmpty();
        assertThat(PeerStatuses.presence(true, statuses.of("WINPC"))).isEqualTo("Online");
    }

    @Test
    void presenceInWords() {
        assertThat(PeerStatuses.presence(false, new Status(true, "at lunch"))).isEqualTo("Offline");
        assertThat(PeerStatuses.presence(true, Status.AVAILABLE)).isEqualTo("Online");
        assertThat(PeerStatuses.presence(true, new Status(true, ""))).isEqualTo("Away");
        assertThat(PeerStatuses.presence(true, new Status(true, "at lunch"))).isEqualTo("Away \u00B7 at lunch");
        assertThat(PeerStatuses.presence(true, new Status(false, "WFH"))).isEqualTo("Online \u00B7 WFH");
    }

    @Test
    void aLineFromTheNetworkIsOneClippedLineOfPlainText() {
        statuses.changed("BOB", new Status(false, "<html><img src=x>\u202E" + "x".repeat(100)));
        assertThat(statuses.suffix("BOB")).startsWith(" - <html><img src=x>").doesNotContain("\u202E").endsWith("\u2026");
        assertThat(PeerStatuses.line(statuses.of("BOB"))).hasSize(PeerStatuses.LINE_CHARS);
        statuses.changed("BOB", new Status(false, "two\nlines\there"));
        assertThat(statuses.suffix("BOB")).isEqualTo(" - two lines here");
    }
}
