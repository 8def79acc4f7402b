package org.traytalk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.carrier.InMemoryNetwork;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.Receipt;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.FoxMessageCodec;

class EngineTest {
    @TempDir
    Path tmp;
    final InMemoryNetwork lan = new InMemoryNetwork();
    final VirtualScheduler time = new VirtualScheduler();
    TestNode alice;
    TestNode bob;
    TestNode carol;

    @BeforeEach
    void nodes() {
        alice = new TestNode("ALICE", tmp.resolve("alice"), lan, time);
        bob = new TestNode("BOB", tmp.resolve("bob"), lan, time);
        carol = new TestNode("CAROL", tmp.resolve("carol"), lan, time);
    }

    @AfterEach
    void stop() {
        for (TestNode n : new TestNode[] {alice, bob, carol}) {
            if (n.engine != null) {
                n.engine.close();
            }
        }
    }

    private FoxMessage decode(byte[] bytes) throws Exception {
        return new FoxMessageCodec(StandardCharsets.ISO_8859_1).decode(bytes);
    }

    @Test
    void startAnnouncesDetectThenOnlineAndPeersFindEachOther() throws Exception {
        alice.start();
        assertThat(lan.log()).extracting(s -> decode(s.bytes()).body()).containsExactly("DETECT", "ONLINE");
        bob.start();
        assertThat(alice.events.online).containsExactly("BOB");
        assertThat(bob.events.online).containsExactly("ALICE");
        assertThat(bob.engine.peers()).extracting(Peer::name, Peer::online).containsExactly(
                tuple("ALICE", true));
    }

    @Test
    void directMessageIsStoredReceivedOnceAndConfirmed() throws Exception {
        alice.start();
        bob.start();
        ChatMessage sent = alice.engine.send("bob", "hello Bob");
        time.runDue();
        assertThat(bob.events.receivedBodies()).containsExactly("hello Bob");
        assertThat(bob.events.received.get(0).peer()).isEqualTo("ALICE");
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.DELIVERED);
        assertThat(alice.engine.history(HistoryQuery.latest(10))).singleElement()
                .extracting(ChatMessage::state).isEqualTo(DeliveryState.DELIVERED);
        assertThat(bob.engine.history(HistoryQuery.latest(10))).singleElement()
                .extracting(ChatMessage::body).isEqualTo("hello Bob");
        // no resend after the receipt
        lan.clearLog();
        time.advance(Duration.ofMinutes(5));
        assertThat(lan.log()).noneMatch(s -> bodyOf(s).equals("hello Bob"));
    }

    private String bodyOf(InMemoryNetwork.Sent s) {
        try {
            return decode(s.bytes()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void lostMessageIsResentAndLostReceiptDoesNotDuplicate() throws Exception {
        alice.start();
        bob.start();
        AtomicInteger userSends = new AtomicInteger();
        AtomicInteger confs = new AtomicInteger();
        lan.dropWhen(s -> {
            String body = bodyOf(s);
            if (body.equals("are you there")) {
                return userSends.incrementAndGet() == 1; // first copy lost
            }
            return body.startsWith("CONF ") && confs.incrementAndGet() == 1; // first receipt lost
        });
        ChatMessage sent = alice.engine.send("BOB", "are you there");
        time.runDue();
        assertThat(bob.events.received).isEmpty();
        time.advance(Duration.ofMillis(1100)); // first resend after 0.5 s +-20 %, second after a further 1 s +-20 %
        assertThat(bob.events.receivedBodies()).containsExactly("are you there");
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.SENT);
        time.advance(Duration.ofSeconds(5));
        assertThat(bob.events.receivedBodies()).containsExactly("are you there");
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.DELIVERED);
        assertThat(userSends.get()).isEqualTo(3);
        assertThat(bob.engine.history(HistoryQuery.latest(10))).hasSize(1);
    }

    @Test
    void aMessageIsMarkedSentOnlyOnceADatagramLeftWithIt() throws Exception {
        alice.start();
        bob.start();
        alice.carrier.failSends("network unreachable");
        ChatMessage sent = alice.engine.send("BOB", "cable pulled");
        time.advance(Duration.ofSeconds(5)); // several resends, all failing
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.QUEUED);
        assertThat(alice.engine.history(HistoryQuery.latest(1))).singleElement()
                .extracting(ChatMessage::state).isEqualTo(DeliveryState.QUEUED);
        alice.carrier.failSends(null);
        lan.dropWhen(s -> bodyOf(s).startsWith("CONF ")); // so the mark is not made moot by a receipt
        time.advance(Duration.ofSeconds(10));
        assertThat(bob.events.receivedBodies()).containsExactly("cable pulled");
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.SENT);
        assertThat(alice.engine.history(HistoryQuery.latest(1))).singleElement()
                .extracting(ChatMessage::state).isEqualTo(DeliveryState.SENT);
        lan.dropWhen(s -> false);
        time.advance(Duration.ofSeconds(10));
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aMessageToEveryoneIsMarkedSentOnlyOnceItsBroadcastLeft() throws Exception {
        alice.start();
        bob.start();
        carol.start();
        alice.carrier.failSends("network unreachable");
        ChatMessage sent = alice.engine.send("*", "fire drill");
        time.advance(Duration.ofSeconds(5)); // the broadcast and the resends to each, all failing
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.QUEUED);
        assertThat(alice.events.last(sent.rowId()).receipts()).extracting(Receipt::state)
                .containsOnly(DeliveryState.QUEUED);
        alice.carrier.failSends(null);
        lan.dropWhen(s -> bodyOf(s).startsWith("CONF ")); // so the marks are not made moot by receipts
        time.advance(Duration.ofSeconds(10));
        assertThat(bob.events.receivedBodies()).containsExactly("fire drill");
        assertThat(carol.events.receivedBodies()).containsExactly("fire drill");
        assertThat(alice.events.last(sent.rowId()).receipts()).extracting(Receipt::state)
                .containsOnly(DeliveryState.SENT);
        assertThat(alice.engine.history(HistoryQuery.latest(1))).singleElement()
                .extracting(ChatMessage::state).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void aMessageToEveryoneThatTheCarrierRefusedIsNotDelivered() throws Exception {
        alice.start(); // alone: nobody to confirm it, nobody to send it to again
        alice.carrier.failSends("network unreachable");
        ChatMessage sent = alice.engine.send("*", "anyone there?");
        time.advance(Duration.ofSeconds(5));
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.FAILED);
        assertThat(alice.engine.history(HistoryQuery.latest(1))).singleElement()
                .extracting(ChatMessage::state).isEqualTo(DeliveryState.FAILED);
        alice.carrier.failSends(null);
        ChatMessage second = alice.engine.send("*", "anyone now?");
        time.advance(Duration.ofSeconds(5));
        assertThat(alice.events.lastState(second.rowId())).isEqualTo(DeliveryState.SENT); // the original's way
    }

    @Test
    void carriersStartInTheOrderTheyAreGiven() throws Exception {
        alice.alsoLegacy = true;
        alice.start();
        bob.alsoLegacy = true;
        bob.legacyFirst = true;
        bob.start();
        assertThat(lan.started()).containsExactly("alice", "alice-fox", "bob-fox", "bob");
    }

    @Test
    void aReceiptThatComesFirstSavesTheSentMark() throws Exception {
        alice.start();
        bob.start();
        ChatMessage sent = alice.engine.send("BOB", "quick");
        time.advance(SentMarks.DELAY.multipliedBy(2));
        assertThat(alice.events.states(sent.rowId())).containsExactly(DeliveryState.QUEUED, DeliveryState.DELIVERED);
    }

    @Test
    void messageToOfflinePeerWaitsAndIsDeliveredWhenItComesBack() throws Exception {
        alice.start();
        bob.start();
        bob.stop();
        assertThat(alice.events.offline).containsExactly("BOB");
        ChatMessage sent = alice.engine.send("BOB", "read this later");
        time.advance(Duration.ofMinutes(10));
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.QUEUED);
        bob.start();
        assertThat(bob.events.receivedBodies()).containsExactly("read this later");
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void messagesWaitingForAPeerGoOutInTheOrderTheyWereWritten() throws Exception {
        alice.start();
        bob.start();
        bob.stop();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (i == 150) { // half of them wait through a restart of the sender, in its store
                alice.stop();
                alice.start();
            }
            written.add("message " + i);
            alice.engine.send("BOB", written.get(i));
        }
        time.advance(Duration.ofMinutes(1));
        bob.start(); // its ONLINE sends everything waiting at once: in order, as the original shows each as it comes
        assertThat(bob.events.receivedBodies()).containsExactlyElementsOf(written);
    }

    @Test
    void aSentMarkStillWaitingIsWrittenWhenTheSenderStops() throws Exception {
        alice.start();
        bob.start();
        lan.dropWhen(s -> bodyOf(s).startsWith("CONF "));
        ChatMessage sent = alice.engine.send("BOB", "sent just before closing time");
        time.runDue(); // the datagram left; its mark waits
        alice.stop();
        alice.start();
        assertThat(alice.engine.history(HistoryQuery.latest(1))).singleElement()
                .satisfies(m -> assertThat(m.rowId()).isEqualTo(sent.rowId()))
                .extracting(ChatMessage::state).isEqualTo(DeliveryState.SENT);
    }

    @Test
    void outboxSurvivesSenderRestart() throws Exception {
        alice.start();
        ChatMessage sent = alice.engine.send("BOB", "queued across restarts");
        alice.stop();
        alice.start();
        bob.start();
        assertThat(bob.events.receivedBodies()).containsExactly("queued across restarts");
        assertThat(alice.engine.history(HistoryQuery.latest(5))).singleElement()
                .satisfies(m -> assertThat(m.rowId()).isEqualTo(sent.rowId()))
                .extracting(ChatMessage::state).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void duplicatesAreRecognisedAcrossReceiverRestart() throws Exception {
        alice.start();
        bob.start();
        lan.dropWhen(s -> bodyOf(s).startsWith("CONF "));
        alice.engine.send("BOB", "only once");
        time.runDue();
        bob.stop();
        lan.dropWhen(s -> false);
        bob.start();
        time.advance(Duration.ofSeconds(30));
        assertThat(bob.events.received).isEmpty(); // the restarted bob saw only the resend, a duplicate
        assertThat(bob.engine.history(HistoryQuery.latest(10))).extracting(ChatMessage::body).containsExactly("only once");
        assertThat(alice.engine.history(HistoryQuery.latest(1)).get(0).state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void unconfirmedMessageFailsAfterTheConfiguredTime() throws Exception {
        alice.start();
        ChatMessage sent = alice.engine.send("NOBODY", "anyone?");
        time.advance(TestNode.FAIL_AFTER.minusSeconds(1));
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.QUEUED);
        time.advance(Duration.ofSeconds(2));
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.FAILED);
    }

    @Test
    void broadcastRecordsWhoConfirmed() throws Exception {
        alice.start();
        bob.start();
        carol.start();
        lan.dropWhen(s -> s.to().equals("carol") && bodyOf(s).equals("lunch?") && s.recipientName().equals("*"));
        ChatMessage sent = alice.engine.send("*", "lunch?");
        time.advance(SentMarks.DELAY);
        assertThat(bob.events.receivedBodies()).containsExactly("lunch?");
        assertThat(bob.events.received.get(0).broadcast()).isTrue();
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.SENT);
        time.advance(Duration.ofSeconds(2)); // carol missed the broadcast, gets it directly
        assertThat(carol.events.receivedBodies()).containsExactly("lunch?");
        ChatMessage done = alice.events.last(sent.rowId());
        assertThat(done.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(done.receipts()).extracting(r -> r.peer().toUpperCase(), r -> r.state()).containsExactlyInAnyOrder(
                tuple("BOB", DeliveryState.DELIVERED),
                tuple("CAROL", DeliveryState.DELIVERED));
    }

    @Test
    void silentlyVanishedPeerIsProbedThenMarkedOffline() throws Exception {
        alice.start();
        bob.start();
        bob.kill();
        time.advance(TestNode.HEARTBEAT.multipliedBy(3));
        assertThat(alice.events.offline).isEmpty();
        time.advance(TestNode.HEARTBEAT.plusSeconds(11));
        assertThat(alice.events.offline).containsExactly("BOB");
    }

    @Test
    void quietPeerThatAnswersTheProbeStaysOnline() throws Exception {
        alice.start();
        // a legacy peer: answers DETECT with ONLINE, never re-announces
        InMemoryNetwork.InMemoryCarrier legacy = lan.attach("foxpc");
        FoxMessageCodec codec = new FoxMessageCodec(StandardCharsets.ISO_8859_1);
        AtomicInteger id = new AtomicInteger(1000);
        legacy.start(in -> {
            try {
                FoxMessage m = codec.decode(in.payload());
                if (m.body().equals("DETECT")) {
                    legacy.send(in.source(), m.sender(),
                            codec.encode(FoxMessage.system("FOXPC", id.incrementAndGet(), "ONLINE"), StandardCharsets.ISO_8859_1));
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        legacy.sendToAll(codec.encode(FoxMessage.system("FOXPC", id.incrementAndGet(), "ONLINE"), StandardCharsets.ISO_8859_1));
        time.runDue();
        assertThat(alice.events.online).containsExactly("FOXPC");
        time.advance(Duration.ofMinutes(30));
        assertThat(alice.events.offline).isEmpty();
        assertThat(alice.engine.peers()).singleElement().extracting(Peer::online).isEqualTo(true);
    }

    @Test
    void startAnnouncesAgainSoonAfterForNodesThatStartTogether() throws Exception {
        alice.start();
        time.advance(Duration.ofSeconds(5)); // asking again at 1 s and 3 s, ONLINE alone at 2 s and 4 s, each +-10 %
        assertThat(lan.log()).extracting(this::bodyOf).containsExactly("DETECT", "ONLINE", "DETECT", "ONLINE",
                "ONLINE", "DETECT", "ONLINE", "ONLINE");
        lan.clearLog();
        time.advance(Duration.ofSeconds(35)); // asking once more at 15 s and 30 s
        assertThat(lan.log()).extracting(this::bodyOf).containsExactly("DETECT", "ONLINE", "DETECT", "ONLINE");
        lan.clearLog();
        time.advance(Duration.ofSeconds(10)); // the heartbeat comes at 54 s at the earliest
        assertThat(lan.log()).isEmpty();
    }

    @Test
    void wakeFromSleepAnnouncesAgainAtOnce() throws Exception {
        alice.start();
        time.advance(Duration.ofSeconds(5));
        lan.clearLog();
        time.sleepMachine(Duration.ofHours(1));
        time.advance(PresenceKeeper.WATCHDOG);
        assertThat(lan.log()).extracting(this::bodyOf).startsWith("DETECT", "ONLINE");
    }

    @Test
    void heartbeatReannouncesOnlineWithinTenPercentOfItsInterval() throws Exception {
        alice.start();
        time.advance(Duration.ofSeconds(34)); // past the repeats after the start, the last at 30 s +- 10 %
        lan.clearLog();
        time.advance(TestNode.HEARTBEAT.multipliedBy(9).dividedBy(10).minusSeconds(35));
        assertThat(lan.log()).isEmpty();
        time.advance(TestNode.HEARTBEAT.multipliedBy(2).dividedBy(10).plusSeconds(2));
        assertThat(lan.log()).extracting(this::bodyOf).containsExactly("ONLINE");
    }

    @Test
    void ownAndMalformedAndForeignAddressedMessagesAreIgnored() throws Exception {
        alice.start();
        InMemoryNetwork.InMemoryCarrier raw = lan.attach("raw");
        raw.start(in -> { });
        FoxMessageCodec codec = new FoxMessageCodec(StandardCharsets.ISO_8859_1);
        raw.sendToAll(codec.encode(FoxMessage.user("ALICE", 5, "spoofed own"), StandardCharsets.UTF_8));
        raw.sendToAll(new byte[] {1, 2, 3});
        raw.send(new PeerAddress("mem", "alice"), "SOMEONE-ELSE",
                codec.encode(FoxMessage.user("EVE", 6, "not for alice"), StandardCharsets.UTF_8));
        time.runDue();
        assertThat(alice.events.received).isEmpty();
        assertThat(alice.events.online).isEmpty();
    }

    @Test
    void offlineMessageMarksPeerOffline() throws Exception {
        alice.start();
        bob.start();
        bob.stop();
        assertThat(alice.events.offline).containsExactly("BOB");
        assertThat(alice.engine.peers()).singleElement().extracting(Peer::online).isEqualTo(false);
    }

    @Test
    void tooLongOrEmptyTextIsRefusedBeforeAnythingIsStored() throws Exception {
        alice.start();
        assertThatThrownBy(() -> alice.engine.send("BOB", "x".repeat(32 * 1024 + 1)))
                .isInstanceOf(MessengerException.class).hasMessageContaining("too long");
        assertThatThrownBy(() -> alice.engine.send("BOB", "  ")).isInstanceOf(MessengerException.class);
        assertThatThrownBy(() -> alice.engine.send("A-NAME-THAT-IS-FAR-TOO-LONG-FOR-IT", "hi"))
                .isInstanceOf(MessengerException.class).hasMessageContaining("24 bytes");
        assertThat(alice.engine.history(HistoryQuery.latest(10))).isEmpty();
    }

    @Test
    void messageThatCannotBeStoredIsNotConfirmedAndArrivesOnceTheStoreRecovers() throws Exception {
        alice.start();
        bob.start();
        bob.store.failInbound = true;
        ChatMessage sent = alice.engine.send("BOB", "keep trying");
        time.advance(Duration.ofSeconds(3));
        assertThat(bob.events.received).isEmpty();
        assertThat(bob.events.problems).isNotEmpty().allMatch(p -> p.contains("not") && p.contains("confirmed"));
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.SENT);
        bob.store.failInbound = false;
        time.advance(Duration.ofSeconds(10));
        assertThat(bob.events.receivedBodies()).containsExactly("keep trying");
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void networkChangeAnnouncesAgain() throws Exception {
        alice.start();
        lan.clearLog();
        alice.carrier.addressesChanged();
        time.runDue();
        assertThat(lan.log()).extracting(this::bodyOf).containsExactly("DETECT", "ONLINE");
    }

    @Test
    void aCarrierThatCannotReceiveIsReportedAndAnnouncesAgainOnceItCan() throws Exception {
        alice.start();
        lan.clearLog();
        alice.carrier.receiving("in-memory carrier cannot receive (java.lang.OutOfMemoryError: Java heap space)");
        time.runDue();
        assertThat(alice.events.problems).singleElement().asString().contains("cannot receive")
                .contains("OutOfMemoryError");
        assertThat(lan.log()).isEmpty();
        alice.carrier.receiving(null);
        time.runDue();
        assertThat(lan.log()).extracting(this::bodyOf).containsExactly("DETECT", "ONLINE");
    }

    @Test
    void renamedNodeSaysOfflineUnderTheOldNameAndComesBackUnderTheNew() throws Exception {
        alice.start();
        bob.start();
        alice.engine.apply(EngineOptions.defaults("ALICE2", StandardCharsets.ISO_8859_1, TestNode.HEARTBEAT,
                TestNode.FAIL_AFTER));
        time.runDue();
        assertThat(bob.events.offline).containsExactly("ALICE");
        assertThat(bob.events.online).containsExactly("ALICE", "ALICE2");
        assertThat(alice.engine.localName()).isEqualTo("ALICE2");
    }

    @Test
    void textLongerThanALegacyCarrierTakesGoesAsConsecutiveMessages() throws Exception {
        bob.start();
        alice.carrierLimit = 250; // alice reaches everyone over a mailslot-sized carrier in windows-1252
        alice.start();
        String text = "Grüße " + "0123456789".repeat(50) + " €nd";
        time.runDue();
        SendSize size = alice.engine.measure("BOB", text);
        assertThat(size.bytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(size.parts()).isEqualTo(3); // 511 windows-1252 bytes, 212 per message
        assertThat(alice.engine.measure("BOB", "short").parts()).isEqualTo(1);
        assertThat(alice.engine.measure("BOB", "x".repeat(40_000)).tooLong()).isTrue();
        alice.engine.send("BOB", text);
        time.runDue();
        assertThat(bob.events.received).hasSizeGreaterThan(2);
        assertThat(String.join("", bob.events.receivedBodies())).isEqualTo(text);
        assertThat(lan.log()).allMatch(s -> s.bytes().length <= 250);
        assertThat(alice.engine.history(HistoryQuery.latest(10))).allMatch(m -> m.state() == DeliveryState.DELIVERED);
    }

    @Test
    void wireIdsAreNeverReusedAfterRestart() throws Exception {
        alice.start();
        int first = alice.engine.send("BOB", "one").wireId();
        alice.stop();
        alice.start();
        int second = alice.engine.send("BOB", "two").wireId();
        assertThat(second).isNotEqualTo(first);
        assertThat(second).isBetween(1, Integer.MAX_VALUE);
    }
}
