package org.traytalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.peer;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;
import org.traytalk.testing.FakeMessenger;

class PeersCommandTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final TestContext ctx = new TestContext(messenger);

    @Test
    void tableListsPeersInTheMessengersOrder() {
        messenger.peers.addAll(List.of(peer("BOB", true), peer("CAROL", true), peer("ANNE", false)));

        assertThat(ctx.run("peers")).isZero();

        List<String> lines = ctx.printedLines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("NAME").contains("STATE").contains("ADDRESS").contains("LAST SEEN");
        assertThat(lines.get(1).split("\\s+")).containsExactly("BOB", "online", "verified", "udp:10.0.0.4:42138",
                "2024-03-05", "09:15:00");
        assertThat(lines.get(2)).startsWith("CAROL").contains(" online ");
        assertThat(lines.get(3)).startsWith("ANNE").contains(" offline ");
        assertThat(messenger.refreshes).hasValue(0);
    }

    @Test
    void saysWhichPeersAreNotVerifiedAndShowsFingerprintsOnRequest() {
        messenger.peers.addAll(List.of(peer("BOB", true), FakeMessenger.legacyPeer("FOXPC", true)));

        assertThat(ctx.run("peers")).isZero();
        assertThat(ctx.printedLines().get(2)).startsWith("FOXPC").contains(" not verified ");

        TestContext again = new TestContext(messenger);
        assertThat(again.run("peers", "--keys")).isZero();
        assertThat(again.printedLines().get(0)).contains("FINGERPRINT");
        assertThat(again.printedLines().get(1)).contains(" " + messenger.peers.get(0).fingerprint().code() + " ");
        assertThat(again.printedLines().get(2)).contains(" not verified ");
    }

    @Test
    void emptyRoster() {
        assertThat(ctx.run("peers")).isZero();

        assertThat(ctx.printed()).isEqualToIgnoringNewLines("No peers seen yet.");
    }

    @Test
    void freshNodeAsksEveryoneToAnnounceFirst() {
        ctx.justStarted = true;
        messenger.peers.addAll(List.of(peer("BOB", true)));

        assertThat(ctx.run("peers", "--wait", "0")).isZero();

        assertThat(messenger.refreshes).hasValue(1);
        assertThat(ctx.printed()).contains("BOB");
    }

    @Test
    void showsWhoIsAwayAndTheirStatusLine() {
        Peer bob = peer("BOB", true);
        messenger.peers.add(new Peer(bob.name(), bob.address(), bob.lastSeen(), true, 7, bob.fingerprint(),
                new Status(true, "back at 3")));

        assertThat(ctx.run("peers")).isZero();

        assertThat(ctx.printedLines().get(0)).endsWith("STATUS");
        assertThat(ctx.printedLines().get(1).split("\\s+", 7)).containsExactly("BOB", "away", "verified",
                "udp:10.0.0.4:42138", "2024-03-05", "09:15:00", "back at 3");
    }

    @Test
    void negativeWaitIsAUsageError() {
        ctx.justStarted = true;

        assertThat(ctx.run("peers", "--wait", "-1")).isEqualTo(2);

        assertThat(ctx.errors()).contains("--wait");
        assertThat(messenger.refreshes).hasValue(0);
    }

    @Test
    void controlCharactersInAPeerNameCannotBreakTheTable() {
        // names come off the wire unfiltered
        messenger.peers.addAll(List.of(peer("EVE\nMALLORY\u001b[2J", true)));

        assertThat(ctx.run("peers")).isZero();

        assertThat(ctx.printedLines()).hasSize(2);
        assertThat(ctx.printedLines().get(1)).startsWith("EVE\\nMALLORY\\u001b[2J");
    }
}
