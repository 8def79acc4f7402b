package org.traytalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.carrier.InMemoryNetwork;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.wire.FoxMessageCodec;

/**
 * A message to a name never heard from (its broadcasts do not reach us: another workgroup, a filtered subnet):
 * the engine asks for the peer by name with a direct DETECT, which carriers addressing by name (NetBIOS, mailslots,
 * this in-memory LAN) can deliver, and the message follows the peer's ONLINE.
 */
class UnknownPeerTest {
    @TempDir
    Path tmp;
    final InMemoryNetwork lan = new InMemoryNetwork();
    final VirtualScheduler time = new VirtualScheduler();
    TestNode alice;
    TestNode winpc;

    @BeforeEach
    void nodes() {
        alice = new TestNode("ALICE", tmp.resolve("alice"), lan, time);
        winpc = new TestNode("winpc", tmp.resolve("winpc"), lan, time); // its name is its in-memory address
        lan.dropWhen(s -> "*".equals(s.recipientName())); // nobody hears anybody's broadcasts
    }

    @AfterEach
    void stop() {
        for (TestNode n : new TestNode[] {alice, winpc}) {
            if (n.engine != null) {
                n.engine.close();
            }
        }
    }

    private String body(byte[] bytes) {
        try {
            return new FoxMessageCodec(StandardCharsets.ISO_8859_1).decode(bytes).body();
        } catch (Exception e) {
            return "?";
        }
    }

    @Test
    void aNameNeverHeardIsAskedForAndTheMessageFollowsItsAnswer() throws Exception {
        alice.start();
        winpc.start();
        assertThat(alice.events.online).isEmpty();
        ChatMessage sent = alice.engine.send("winpc", "found you");
        time.runDue();
        assertThat(lan.log()).anySatisfy(s -> {
            assertThat(s.from()).isEqualTo("alice");
            assertThat(s.to()).isEqualTo("winpc");
            assertThat(body(s.bytes())).isEqualTo("DETECT");
        });
        assertThat(winpc.events.receivedBodies()).containsExactly("found you");
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aPeerNotThereYetIsAskedAgainUntilItAnswers() throws Exception {
        alice.start();
        ChatMessage sent = alice.engine.send("winpc", "when you come");
        time.advance(Duration.ofSeconds(5));
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.QUEUED);
        winpc.start();
        time.advance(Duration.ofSeconds(80)); // resends back off to at most 60 s (+-20 %)
        assertThat(winpc.events.receivedBodies()).containsExactly("when you come");
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aKnownPeerThatWentOfflineIsNotAskedByName() throws Exception {
        lan.dropWhen(s -> false);
        TestNode bob = new TestNode("BOB", tmp.resolve("bob"), lan, time);
        alice.start();
        bob.start();
        bob.stop();
        lan.clearLog();
        alice.engine.send("BOB", "later");
        time.advance(Duration.ofMinutes(10));
        assertThat(lan.log()).noneMatch(s -> s.to().equalsIgnoreCase("bob"));
    }
}
