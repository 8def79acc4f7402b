package org.traytalk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.it.NodeProcess.has;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real {@code traytalk listen} nodes (alice, bob, carol) in network namespaces on one bridge:
 * discovery by broadcast, direct and broadcast messages with receipts, OFFLINE on shutdown, a killed peer
 * found offline, a message to an offline peer delivered when it returns, no duplicates.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanIT {
    @RegisterExtension
    static final TestWatcher REPORT = LanFixture.reportOnFailure(() -> LanIT.lan);

    static final Duration EVENT = Duration.ofSeconds(20);
    static final Duration COMMAND = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;
    static LanFixture lan;
    static NodeProcess alice;
    static NodeProcess bob;
    static NodeProcess carol;

    @BeforeAll
    static void buildLan() throws Exception {
        lan = LanFixture.create("the namespace LAN test", "tt", tmp);
        String failLate = "delivery.fail.after.minutes = 60";
        alice = lan.node("ALICE", 1, failLate);
        bob = lan.node("BOB", 2, failLate);
        carol = lan.node("CAROL", 3, failLate);
    }

    @AfterAll
    static void tearDown() {
        LanFixture.close(lan);
    }

    @Test
    @Order(1)
    void nodesDiscoverEachOtherByBroadcast() throws Exception {
        alice.startListening();
        bob.startListening();
        carol.startListening();
        for (NodeProcess n : new NodeProcess[] {alice, bob, carol}) {
            for (NodeProcess other : new NodeProcess[] {alice, bob, carol}) {
                if (other != n) {
                    n.await("peer-online " + other.name, l -> has(l, "peer-online", other.name), EVENT);
                }
            }
        }
        assertThat(alice.await("bob's address", l -> has(l, "peer-online", "BOB"), EVENT)).contains("10.77.0.2");
    }

    @Test
    @Order(2)
    void directMessageArrivesWithReceipt() throws Exception {
        NodeProcess.Result sent = alice.run(COMMAND, "send", "BOB", "hello", "bob");
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        assertThat(sent.output()).containsIgnoringCase("delivered");
        bob.await("the message", l -> has(l, "message-received", "ALICE", "hello bob"), EVENT);
        alice.await("the receipt", l -> has(l, "message-updated", "BOB", "delivered"), EVENT);
        assertThat(carol.count(l -> l.contains("hello bob"))).isZero();
    }

    @Test
    @Order(3)
    void broadcastIsConfirmedByBoth() throws Exception {
        NodeProcess.Result sent = alice.run(COMMAND, "send", "*", "coffee", "break");
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        bob.await("the broadcast", l -> has(l, "message-received", "ALICE", "coffee break"), EVENT);
        carol.await("the broadcast", l -> has(l, "message-received", "ALICE", "coffee break"), EVENT);
        assertThat(sent.output()).contains("BOB").contains("CAROL");
    }

    @Test
    @Order(4)
    void orderlyShutdownSaysOffline() throws Exception {
        carol.stop();
        alice.await("carol offline", l -> has(l, "peer-offline", "CAROL"), EVENT);
        bob.await("carol offline", l -> has(l, "peer-offline", "CAROL"), EVENT);
    }

    @Test
    @Order(5)
    void killedPeerIsFoundOffline() throws Exception {
        bob.kill();
        // three silent heartbeats (5 s each), then a probe that goes unanswered (10 s)
        alice.await("bob offline", l -> has(l, "peer-offline", "BOB"), Duration.ofSeconds(60));
    }

    @Test
    @Order(6)
    void messageToOfflinePeerIsDeliveredWhenItReturnsExactlyOnce() throws Exception {
        NodeProcess.Result queued = alice.run(COMMAND, "send", "--wait", "1", "BOB", "while you were out");
        assertThat(queued.exitCode()).as(queued.output()).isEqualTo(3);
        bob.startListening();
        bob.await("the queued message", l -> has(l, "message-received", "ALICE", "while you were out"), EVENT);
        alice.await("its receipt", l -> l.contains("message-updated") && l.contains("BOB") && l.contains("delivered")
                && alice.count(x -> has(x, "message-updated", "BOB", "delivered")) >= 2, EVENT);
        NodeProcess.Result history = bob.run(COMMAND, "history", "--peer", "ALICE");
        assertThat(history.exitCode()).as(history.output()).isZero();
        assertThat(history.output().split("while you were out", -1)).hasSize(2);
        assertThat(history.output().split("hello bob", -1)).hasSize(2);
        assertThat(bob.count(l -> l.contains("while you were out"))).isEqualTo(1);
    }
}
