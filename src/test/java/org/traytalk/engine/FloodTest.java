package org.traytalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.Inbound;
import org.traytalk.carrier.InMemoryNetwork;
import org.traytalk.carrier.InMemoryNetwork.InMemoryCarrier;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.HistoryQuery;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.FoxMessageCodec;

/** A host that floods a node cannot fill its memory or its disk, nor keep a quiet peer's message from it. */
class FloodTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path tmp;
    final InMemoryNetwork lan = new InMemoryNetwork();
    final VirtualScheduler time = new VirtualScheduler();
    TestNode alice;
    TestNode bob;
    InMemoryCarrier mallory;

    @BeforeEach
    void nodes() throws Exception {
        alice = new TestNode("ALICE", tmp.resolve("alice"), lan, time).start();
        bob = new TestNode("BOB", tmp.resolve("bob"), lan, time).start();
        mallory = lan.attach("mallory").legacy(true).limitedTo(70_000, CP1252); // a hostile host sends what it likes
        mallory.start(new CarrierCallback() {
            @Override
            public void onReceive(Inbound datagram) {
            }
        });
    }

    @AfterEach
    void stop() {
        mallory.close();
        alice.engine.close();
        bob.engine.close();
    }

    private void fromMallory(String sender, int id, String body) throws Exception {
        mallory.send(alice.carrier.peerAddress(), "ALICE",
                new FoxMessageCodec(CP1252).encode(FoxMessage.user(sender, id, body), CP1252));
    }

    @Test
    void aQuietPeersMessageIsTakenAmongTheFirstWhileAFloodWaits() throws Exception {
        for (int i = 1; i <= 5_000; i++) {
            fromMallory("MALLORY", i, "flood " + i);
        }
        ChatMessage quiet = bob.engine.send("ALICE", "quiet");
        time.runDue();

        assertThat(alice.events.receivedBodies()).as("taken in turns: bob's second").element(1).isEqualTo("quiet");
        assertThat(bob.events.lastState(quiet.rowId())).isEqualTo(DeliveryState.DELIVERED);
        assertThat(alice.events.receivedBodies()).as("the rest of the flood was dropped, not held")
                .hasSize(Engine.INBOUND.maxItemsPerSource() + 1);
    }

    @Test
    void aBodyLongerThanAnyTrayTalkSendsIsRefusedUnreadAndUnconfirmed() throws Exception {
        lan.clearLog();
        fromMallory("MALLORY", 1, "x".repeat(EngineOptions.MAX_BODY_BYTES + 1));
        fromMallory("MALLORY", 2, "y".repeat(EngineOptions.MAX_BODY_BYTES));
        time.advance(Duration.ofSeconds(1));
        assertThat(alice.events.received).singleElement().extracting(ChatMessage::body).asString().startsWith("y");
        assertThat(alice.engine.history(HistoryQuery.latest(10))).hasSize(1);
        assertThat(lan.log()).filteredOn(s -> s.from().equals("alice") && s.to().equals("mallory")).hasSize(1);
    }

    private void systemFromMallory(String sender, int id, String body, String recipient) throws Exception {
        mallory.send(alice.carrier.peerAddress(), recipient,
                new FoxMessageCodec(CP1252).encode(FoxMessage.system(sender, id, body), CP1252));
    }

    private String bodyOf(InMemoryNetwork.Sent s) {
        try {
            return new FoxMessageCodec(CP1252).decode(s.bytes()).body();
        } catch (Exception e) {
            return "?";
        }
    }

    @Test
    void aSenderHasOnlySoMuchStoredAndIsConfirmedNoMoreThanThat() throws Exception {
        String big = "z".repeat(EngineOptions.MAX_BODY_BYTES - InboundHandler.STORED_OVERHEAD);
        for (int i = 1; i <= 100; i++) {
            fromMallory("MALLORY", i, big);
        }
        time.runDue();
        long firstBurst = alice.events.received.size();
        assertThat(firstBurst).as("2 MiB at once").isEqualTo(64);
        for (int i = 101; i <= 200; i++) {
            fromMallory("MALLORY", i, big);
            time.advance(Duration.ofMillis(100));
        }
        assertThat(alice.events.received).as("then 128 KiB a second: about 40 more in 10 s").hasSizeBetween(102, 106);
        ChatMessage quiet = bob.engine.send("ALICE", "quiet");
        time.runDue();
        assertThat(bob.events.lastState(quiet.rowId())).as("BOB has an allowance of his own")
                .isEqualTo(DeliveryState.DELIVERED);
        assertThat(lan.log()).filteredOn(s -> s.from().equals("alice") && s.to().equals("mallory"))
                .as("what was not stored was not confirmed").hasSize(alice.events.received.size() - 1);
    }

    /** A host on the in-memory LAN at {@code address} that hears nothing. */
    private InMemoryCarrier host(String address) throws Exception {
        InMemoryCarrier host = lan.attach(address).legacy(true);
        host.start(new CarrierCallback() {
            @Override
            public void onReceive(Inbound datagram) {
            }
        });
        return host;
    }

    private long answersFromAlice(Predicate<String> to) {
        return lan.log().stream().filter(s -> s.from().equals("alice") && to.test(s.to()))
                .filter(s -> bodyOf(s).equals(FoxMessage.ONLINE)).count();
    }

    @Test
    void aDetectStormUnderTenThousandNamesDrawsAFewAnswers() throws Exception {
        lan.clearLog();
        for (int i = 0; i < 10_000; i++) { // one host, 10,000 names in 10 s: one asker
            systemFromMallory(String.format("FAKE%05d", i), i + 1, FoxMessage.DETECT, "*");
            if (i % 100 == 99) {
                time.advance(Duration.ofMillis(100));
            }
        }
        assertThat(answersFromAlice("mallory"::equals)).as("three at once, then once per 10 s").isBetween(3L, 4L);

        List<InMemoryCarrier> spoofed = new ArrayList<>();
        for (int i = 0; i < 500; i++) { // 500 forged sources, 20 names each, in 10 s
            spoofed.add(host("victim" + i));
        }
        lan.clearLog();
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < spoofed.size(); i++) {
                spoofed.get(i).send(alice.carrier.peerAddress(), "*", new FoxMessageCodec(CP1252).encode(
                        FoxMessage.system(String.format("SPOOF%03d-%02d", i, round), 1, FoxMessage.DETECT), CP1252));
            }
            time.advance(Duration.ofMillis(500));
        }
        assertThat(answersFromAlice(to -> to.startsWith("victim"))).as("at most 200 at once, then 10 a second")
                .isBetween(1L, 300L);
        assertThat(alice.engine.peers()).as("new names: 200 at once, then 20 a second, over the 20 s of storm")
                .hasSizeLessThanOrEqualTo(1 + 200 + 20 * 20);

        lan.clearLog();
        time.advance(Duration.ofSeconds(10));
        bob.engine.refresh();
        time.advance(Duration.ofSeconds(1));
        assertThat(answersFromAlice("bob"::equals)).as("after the storm BOB is answered").isEqualTo(1);
    }

    @Test
    void announcementsOfAPeerMovingAboutResendItsQueueAtMostOnceInAFewSeconds() throws Exception {
        bob.stop();
        for (int i = 0; i < 50; i++) {
            alice.engine.send("BOB", "waiting " + i);
        }
        time.advance(Duration.ofSeconds(10));
        lan.clearLog();
        for (int i = 0; i < 20; i++) { // BOB seen at 20 places in 380 ms, as forged ONLINEs would have it
            host("spoof" + i).send(alice.carrier.peerAddress(), "*", new FoxMessageCodec(CP1252).encode(
                    FoxMessage.system("BOB", 1_000 + i, FoxMessage.ONLINE), CP1252));
            time.advance(Duration.ofMillis(20));
        }
        assertThat(lan.log().stream().filter(s -> s.from().equals("alice"))
                .filter(s -> bodyOf(s).startsWith("waiting "))).as("one resend of the 50 at once, not 20")
                .hasSize(50);
    }

    @Test
    void aPeerBackWithinTheGapStillGetsWhatWaitsOnceItIsOver() throws Exception {
        bob.stop();
        for (int i = 0; i < 3; i++) {
            alice.engine.send("BOB", "while you were out " + i);
        }
        bob.start(); // back at once: its first appearance a moment ago already had its immediate resend
        assertThat(bob.events.received).isEmpty();
        time.advance(Outbox.FLUSH_GAP);
        assertThat(bob.events.receivedBodies()).containsExactly("while you were out 0", "while you were out 1",
                "while you were out 2");
    }

    @Test
    void thePeersTableHasRoomForRealPeersWhateverNamesWereMadeUp() throws Exception {
        ChatMessage hello = alice.engine.send("BOB", "hello");
        time.runDue();
        assertThat(alice.events.lastState(hello.rowId())).isEqualTo(DeliveryState.DELIVERED);
        bob.stop(); // BOB has a conversation with ALICE, and is offline for the rest of the storm
        for (int second = 0; second < 130; second++) { // 2,000 made-up names come online at 20 a second
            for (int i = 0; i < 20; i++) {
                systemFromMallory(String.format("FAKE%02d%03d", second % 100, i + 20 * (second / 100)), 1,
                        FoxMessage.ONLINE, "*");
            }
            time.advance(Duration.ofSeconds(1));
        }
        assertThat(alice.engine.peers()).hasSize(Newcomers.MAX_PEERS);
        time.advance(TestNode.HEARTBEAT.multipliedBy(5)); // the made-up names go quiet: probed, unanswered, offline
        assertThat(alice.engine.peers()).allMatch(p -> !p.online());

        TestNode carol = new TestNode("CAROL", tmp.resolve("carol"), lan, time).start();
        time.advance(Duration.ofSeconds(11));
        assertThat(alice.events.online).as("a new peer finds room").contains("CAROL");
        assertThat(alice.engine.peers()).hasSizeLessThanOrEqualTo(Newcomers.MAX_PEERS)
                .as("BOB has a conversation: never forgotten").anyMatch(p -> p.name().equals("BOB"));
        assertThat(alice.engine.peers().size()).isLessThanOrEqualTo(Newcomers.MAX_PEERS - Newcomers.PRUNE_AT_ONCE + 2);
        carol.engine.close();
    }
}
