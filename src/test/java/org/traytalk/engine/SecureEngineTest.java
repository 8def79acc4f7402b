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
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.Status;
import org.traytalk.testing.Plaintext;
import org.traytalk.wire.Bytes;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.FoxMessageCodec;
import org.traytalk.wire.secure.AnnouncementFrame;
import org.traytalk.wire.secure.TransportFrame;

/**
 * The engine on a TrayTalk carrier: every message in a session, every name proven, and what an attacker on the LAN
 * tries (another identity under a peer's name, replayed frames, forged receipts and goodbyes) changes nothing.
 */
class SecureEngineTest {
    @TempDir
    Path tmp;
    final InMemoryNetwork lan = new InMemoryNetwork();
    final VirtualScheduler time = new VirtualScheduler();
    final List<TestNode> nodes = new ArrayList<>();
    TestNode alice;
    TestNode bob;
    TestNode carol;

    @BeforeEach
    void nodes() {
        alice = node("ALICE", "alice");
        bob = node("BOB", "bob");
        carol = node("CAROL", "carol");
    }

    private TestNode node(String name, String dir) {
        TestNode n = new TestNode(name, tmp.resolve(dir), lan, time);
        n.secure = true;
        nodes.add(n);
        return n;
    }

    /** Another installation calling itself {@code name}: a reinstalled peer, or somebody posing as it. */
    private TestNode impostor(String name, String address) {
        TestNode n = new TestNode(name, tmp.resolve(address), lan, time);
        n.secure = true;
        n.identitySeed = address.hashCode();
        n.address = address;
        nodes.add(n);
        return n;
    }

    @AfterEach
    void stop() {
        for (TestNode n : nodes) {
            if (n.engine != null) {
                n.engine.close();
            }
        }
    }

    private boolean wireContains(String text) {
        return lan.log().stream().anyMatch(s -> Plaintext.in(s.bytes(), text));
    }

    @Test
    void peersFindEachOtherVerifiedAndTalkInSessionsNobodyElseCanRead() throws Exception {
        alice.start();
        bob.start();
        assertThat(alice.events.online).containsExactly("BOB");
        Peer seen = alice.engine.peers().get(0);
        assertThat(seen.verified()).isTrue();
        assertThat(seen.fingerprint()).isEqualTo(bob.engine.fingerprint());

        ChatMessage sent = alice.engine.send("BOB", "the launch code is 4711");
        time.runDue();
        assertThat(bob.events.receivedBodies()).containsExactly("the launch code is 4711");
        assertThat(bob.events.received.get(0).verified()).isTrue();
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.DELIVERED);
        assertThat(wireContains("launch code")).as("plaintext on the wire").isFalse();
        assertThat(wireContains("CONF")).as("a receipt in the clear").isFalse();
    }

    @Test
    void aPeerWhoseRunAnsweredUsGetsNoAnswerToItsStartUpRepeatsButStaysListed() throws Exception {
        alice.start();
        bob.start(); // alice asks bob, bob answers: bob's run lists alice
        assertThat(alice.events.online).containsExactly("BOB");
        assertThat(bob.events.online).containsExactly("ALICE");
        lan.clearLog();
        time.advance(Duration.ofSeconds(5)); // bob's repeats, DETECTs at 1 and 3 s among them
        assertThat(lan.log()).filteredOn(s -> s.from().equals("bob")).filteredOn(s -> s.to().equals("*")).isNotEmpty();
        assertThat(lan.log()).filteredOn(s -> s.from().equals("alice") && s.to().equals("bob")).isEmpty();
        assertThat(alice.engine.peers()).singleElement().matches(Peer::online);
        assertThat(bob.engine.peers()).singleElement().matches(Peer::online);
    }

    @Test
    void aMessageIsMarkedSentOnlyOnceItsFrameLeft() throws Exception {
        alice.start();
        bob.start();
        alice.engine.send("BOB", "first"); // the session is there
        time.runDue();
        alice.carrier.failSends("network unreachable");
        ChatMessage sent = alice.engine.send("BOB", "cable pulled");
        time.advance(Duration.ofSeconds(5)); // several resends and handshakes, all failing
        assertThat(alice.events.states(sent.rowId())).containsOnly(DeliveryState.QUEUED);
        assertThat(alice.engine.history(HistoryQuery.latest(1))).singleElement()
                .extracting(ChatMessage::state).isEqualTo(DeliveryState.QUEUED);
        alice.carrier.failSends(null);
        // bob's receipts (in transport frames) are lost until the mark is written, so it is not made moot
        lan.dropWhen(s -> s.from().equals("bob") && s.bytes()[0] == TransportFrame.TYPE
                && alice.events.lastState(sent.rowId()) != DeliveryState.SENT);
        time.advance(Duration.ofSeconds(30)); // resends back off (with jitter): the third may come after 10 s
        assertThat(bob.events.receivedBodies()).containsExactly("first", "cable pulled");
        assertThat(alice.events.states(sent.rowId())).containsSubsequence(DeliveryState.QUEUED, DeliveryState.SENT,
                DeliveryState.DELIVERED);
    }

    @Test
    void aMessageToEveryoneWithNobodyOnlineIsNotDeliveredRatherThanSent() throws Exception {
        alice.start(); // alone, on TrayTalk's carrier only: no session to send it in, no broadcast of the original
        ChatMessage sent = alice.engine.send("*", "anyone there?");
        time.runDue();
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.FAILED);
        assertThat(alice.engine.history(HistoryQuery.latest(1))).singleElement()
                .extracting(ChatMessage::state).isEqualTo(DeliveryState.FAILED);
        assertThat(lan.log()).as("nothing left").noneMatch(s -> Plaintext.in(s.bytes(), "anyone there?"));
    }

    @Test
    void theLongestMessageGoesInOneFrame() throws Exception {
        alice.start();
        bob.start();
        String longest = "ä".repeat(16 * 1024); // 32 KiB in UTF-8
        ChatMessage sent = alice.engine.send("BOB", longest);
        time.runDue();
        assertThat(bob.events.receivedBodies()).containsExactly(longest);
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void lostFramesAreResentAndARestartedPeerGetsANewSession() throws Exception {
        alice.start();
        bob.start();
        alice.engine.send("BOB", "first");
        time.runDue();
        AtomicInteger dropped = new AtomicInteger();
        lan.dropWhen(s -> s.to().equals("bob") && dropped.incrementAndGet() <= 2); // the next two frames to bob
        ChatMessage second = alice.engine.send("BOB", "second");
        time.advance(Duration.ofSeconds(5));
        assertThat(bob.events.receivedBodies()).containsExactly("first", "second");
        assertThat(alice.events.lastState(second.rowId())).isEqualTo(DeliveryState.DELIVERED);

        lan.dropWhen(s -> false);
        bob.kill(); // its sessions are gone with it
        bob.start();
        ChatMessage third = alice.engine.send("BOB", "third");
        time.advance(Duration.ofSeconds(10));
        assertThat(bob.events.receivedBodies()).containsExactly("third");
        assertThat(alice.events.lastState(third.rowId())).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aMessageToEveryoneGoesToEachPeerInItsOwnSessionAndIsFiledUnderEveryone() throws Exception {
        alice.start();
        bob.start();
        carol.start();
        ChatMessage sent = alice.engine.send("*", "lunch?");
        time.runDue();
        assertThat(bob.events.receivedBodies()).containsExactly("lunch?");
        assertThat(carol.events.receivedBodies()).containsExactly("lunch?");
        assertThat(bob.events.received.get(0).broadcast()).isTrue();
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.DELIVERED);
        assertThat(wireContains("lunch?")).isFalse();
    }

    @Test
    void somebodyElseUnderAPinnedNameIsHeldApartAndCannotConfirmOrTakeOverThePeer() throws Exception {
        alice.start();
        bob.start();
        TestNode fake = impostor("BOB", "mallory");
        lan.dropWhen(s -> s.to().equals("bob") && s.from().equals("alice")); // the real bob does not hear alice for now
        fake.start(); // announces as BOB from another address, with another key
        ChatMessage toBob = alice.engine.send("BOB", "for the real Bob only");
        fake.engine.send("ALICE", "hi, it's Bob, send me the file");
        time.advance(Duration.ofSeconds(3));

        // the impostor's message is held apart, not shown, not confirmed
        assertThat(alice.events.receivedBodies()).isEmpty();
        assertThat(alice.events.keyChanges).extracting(KeyChange::name).contains("BOB");
        assertThat(alice.engine.keyChanges()).singleElement().satisfies(c -> {
            assertThat(c.offered()).isEqualTo(fake.engine.fingerprint());
            assertThat(c.pinned()).isEqualTo(bob.engine.fingerprint());
            assertThat(c.held()).isEqualTo(1);
        });
        assertThat(alice.engine.history(HistoryQuery.latest(10))).extracting(ChatMessage::body)
                .containsExactly("for the real Bob only");
        // alice's roster still has the real bob, online, at its own address
        Peer bobEntry = alice.engine.peers().stream().filter(p -> p.name().equals("BOB")).findFirst().orElseThrow();
        assertThat(bobEntry.online()).isTrue();
        assertThat(bobEntry.address()).isEqualTo(new PeerAddress("mem", "bob"));
        // nobody but bob could confirm: still not delivered, and the impostor never saw the text
        assertThat(alice.events.lastState(toBob.rowId())).isNotEqualTo(DeliveryState.DELIVERED);
        assertThat(fake.events.receivedBodies()).isEmpty();

        fake.stop(); // its OFFLINE does not take bob off the list
        assertThat(alice.engine.peers().stream().filter(p -> p.name().equals("BOB")).findFirst().orElseThrow()
                .online()).isTrue();
        lan.dropWhen(s -> false);
        time.advance(Duration.ofSeconds(10));
        assertThat(bob.events.receivedBodies()).containsExactly("for the real Bob only");
        assertThat(alice.events.lastState(toBob.rowId())).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aStatusReachesPeersAtOnceAndRidesOnEveryAnnouncement() throws Exception {
        alice.start();
        bob.start();
        alice.engine.setStatus(new Status(true, "in a meeting until 3"));
        time.runDue();
        assertThat(bob.events.statuses).containsExactly("ALICE away in a meeting until 3");
        Peer seen = bob.engine.peers().get(0);
        assertThat(seen.status()).isEqualTo(new Status(true, "in a meeting until 3"));
        time.advance(TestNode.HEARTBEAT.multipliedBy(2)); // heartbeats carry it without new events
        assertThat(bob.events.statuses).hasSize(1);
        alice.engine.setStatus(Status.AVAILABLE);
        time.runDue();
        assertThat(bob.events.statuses).containsExactly("ALICE away in a meeting until 3", "ALICE here");
        carol.start(); // a peer that starts later learns it from the first announcement it hears
        assertThat(carol.engine.peers()).filteredOn(p -> p.name().equals("ALICE")).singleElement()
                .extracting(Peer::status).isEqualTo(Status.AVAILABLE);
    }

    @Test
    void readingAConversationTellsTheSenderItWasSeen() throws Exception {
        alice.start();
        bob.start();
        ChatMessage first = alice.engine.send("BOB", "one");
        ChatMessage second = alice.engine.send("BOB", "two");
        time.runDue();
        assertThat(alice.events.lastState(second.rowId())).isEqualTo(DeliveryState.DELIVERED);
        ChatMessage firstAtBob = bob.events.received.get(0);
        bob.engine.markRead("ALICE", firstAtBob.rowId()); // read up to the first only
        time.runDue();
        assertThat(alice.events.lastState(first.rowId())).isEqualTo(DeliveryState.SEEN);
        assertThat(alice.events.lastState(second.rowId())).isEqualTo(DeliveryState.DELIVERED);
        bob.engine.markRead("ALICE", bob.events.received.get(1).rowId());
        time.runDue();
        assertThat(alice.events.lastState(second.rowId())).isEqualTo(DeliveryState.SEEN);
        assertThat(wireContains("SEEN")).isFalse();
    }

    @Test
    void aSeenReceiptCountsOnlyForItsRecipientsAndNotWhenSwitchedOff() throws Exception {
        alice.start();
        bob.start();
        carol.start();
        ChatMessage toBob = alice.engine.send("BOB", "for bob");
        time.runDue();
        // carol claims to have seen bob's message: she was not a recipient
        carol.engine.send("ALICE", "hi"); // a session with alice
        time.runDue();
        alice.engine.markRead("CAROL", alice.events.received.get(0).rowId()); // unrelated reading
        time.runDue();
        assertThat(alice.events.lastState(toBob.rowId())).isEqualTo(DeliveryState.DELIVERED);

        bob.engine.apply(EngineOptions.defaults("BOB", StandardCharsets.ISO_8859_1, TestNode.HEARTBEAT,
                TestNode.FAIL_AFTER).withSeenReceipts(false));
        time.runDue();
        bob.engine.markRead("ALICE", bob.events.received.get(0).rowId());
        time.runDue();
        assertThat(alice.events.lastState(toBob.rowId())).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void withAPassphraseOnlyMembersSeeAndReachEachOther() throws Exception {
        alice.passphrase = "our office 2026";
        bob.passphrase = "our office 2026";
        carol.passphrase = null; // a stranger on the LAN, or a member without the passphrase
        alice.start();
        bob.start();
        carol.start();
        assertThat(alice.events.online).containsExactly("BOB");
        assertThat(bob.events.online).containsExactly("ALICE");
        assertThat(carol.events.online).isEmpty();
        carol.engine.send("ALICE", "let me in");
        ChatMessage sent = alice.engine.send("BOB", "members only");
        time.advance(Duration.ofSeconds(5));
        assertThat(alice.events.receivedBodies()).isEmpty();
        assertThat(bob.events.receivedBodies()).containsExactly("members only");
        assertThat(alice.events.lastState(sent.rowId())).isEqualTo(DeliveryState.DELIVERED);
        assertThat(alice.engine.peers()).extracting(Peer::name).containsExactly("BOB");
    }

    @Test
    void replayedFramesChangeNothing() throws Exception {
        alice.start();
        bob.start();
        bob.engine.send("ALICE", "pay 10 euros");
        time.runDue();
        assertThat(alice.events.receivedBodies()).containsExactly("pay 10 euros");
        List<InMemoryNetwork.Sent> captured = lan.log().stream().filter(s -> s.from().equals("bob")).toList();
        bob.stop();
        assertThat(alice.events.offline).containsExactly("BOB");

        InMemoryNetwork.InMemoryCarrier replayer = lan.attach("bob"); // the attacker even takes bob's address
        replayer.start(in -> { });
        for (InMemoryNetwork.Sent s : captured) {
            if (s.to().equals("*")) {
                replayer.sendToAll(s.bytes());
            } else {
                replayer.send(new PeerAddress("mem", s.to()), s.recipientName(), s.bytes());
            }
        }
        time.runDue();
        assertThat(alice.events.receivedBodies()).containsExactly("pay 10 euros"); // not twice
        assertThat(alice.engine.history(HistoryQuery.latest(10))).hasSize(1);
        assertThat(alice.events.online).containsExactly("BOB"); // an old ONLINE does not bring bob back
    }

    @Test
    void whatAPeerMissedPlayedFromAnotherAddressDoesNotDrawItsTrafficThere() throws Exception {
        alice.start();
        bob.start();
        bob.engine.send("ALICE", "first");
        time.runDue();
        lan.dropWhen(s -> s.from().equals("bob") && s.to().equals("alice")); // alice's cable out, for bob's frames
        lan.clearLog();
        bob.engine.send("ALICE", "while you were out");
        time.advance(TestNode.HEARTBEAT); // a heartbeat too
        List<InMemoryNetwork.Sent> missed = lan.log().stream().filter(s -> s.from().equals("bob")).toList();
        lan.dropWhen(s -> s.from().equals("bob")); // bob is gone now; mallory plays what alice never got
        lan.clearLog();
        InMemoryNetwork.InMemoryCarrier mallory = lan.attach("mallory");
        mallory.start(in -> { });
        for (InMemoryNetwork.Sent s : missed) {
            mallory.send(new PeerAddress("mem", "alice"), "ALICE", s.bytes());
        }
        time.runDue();

        // news to alice, and bob's own words: filed once; but bob stays where he proved he is
        assertThat(alice.events.receivedBodies()).containsExactly("first", "while you were out");
        assertThat(alice.engine.peers()).filteredOn(p -> p.name().equals("BOB")).singleElement()
                .extracting(Peer::address).isEqualTo(new PeerAddress("mem", "bob"));
        assertThat(lan.log()).filteredOn(s -> s.from().equals("alice") && s.to().equals("mallory"))
                .as("only alice's question goes to mallory: no receipt, no session frame")
                .isNotEmpty().allMatch(s -> s.bytes()[0] == AnnouncementFrame.TYPE);
        assertThat(lan.log()).filteredOn(s -> s.from().equals("alice") && s.to().equals("bob"))
                .as("alice's receipt goes to bob").isNotEmpty();
    }

    @Test
    void recordedAnnouncementsReplayedAfterARestartDoNotBringAPeerBackOrMoveIt() throws Exception {
        alice.start();
        bob.start();
        time.advance(TestNode.HEARTBEAT.multipliedBy(2)); // a few heartbeats to record
        List<InMemoryNetwork.Sent> recorded = lan.log().stream().filter(s -> s.from().equals("bob")).toList();
        bob.stop();
        alice.kill();
        alice.start(); // a new run: it remembers no sequence numbers
        InMemoryNetwork.InMemoryCarrier replayer = lan.attach("mallory");
        replayer.start(in -> { });
        for (InMemoryNetwork.Sent s : recorded) {
            replayer.send(new PeerAddress("mem", "alice"), "ALICE", s.bytes());
        }
        time.advance(Duration.ofSeconds(10));
        assertThat(alice.engine.peers()).filteredOn(p -> p.name().equals("BOB")).singleElement().satisfies(p -> {
            assertThat(p.online()).isFalse();
            assertThat(p.address()).isEqualTo(new PeerAddress("mem", "bob"));
        });
        assertThat(alice.events.online).doesNotContain("BOB");

        bob.start(); // the real one is believed at once: it answers alice's question
        time.runDue();
        assertThat(alice.events.online).containsExactly("BOB");
    }

    @Test
    void theOriginalProgramsCarrierCannotSpeakForAVerifiedNameButItsOwnPeersAreShownUnverified() throws Exception {
        InMemoryNetwork.InMemoryCarrier foxpc = aliceAndBobBesideTheOriginalProgram();
        FoxMessageCodec codec = new FoxMessageCodec(StandardCharsets.ISO_8859_1);
        PeerAddress aliceFox = new PeerAddress("fox", "alice-fox");
        foxpc.send(aliceFox, "ALICE", codec.encode(FoxMessage.user("BOB", 99, "give me the password"),
                StandardCharsets.ISO_8859_1));
        foxpc.send(aliceFox, "ALICE", codec.encode(FoxMessage.system("BOB", 100, "OFFLINE"),
                StandardCharsets.ISO_8859_1));
        foxpc.send(aliceFox, "ALICE", codec.encode(FoxMessage.user("FOXPC", 101, "hello from the original"),
                StandardCharsets.ISO_8859_1));
        // a pre-empted id: somebody else sends FOXPC's next id first, with other text
        foxpc.send(aliceFox, "ALICE", codec.encode(FoxMessage.user("FOXPC", 102, "pre-empted"),
                StandardCharsets.ISO_8859_1));
        foxpc.send(aliceFox, "ALICE", codec.encode(FoxMessage.user("FOXPC", 102, "the real one"),
                StandardCharsets.ISO_8859_1));
        time.runDue();
        assertThat(alice.events.receivedBodies()).containsExactly("hello from the original", "pre-empted",
                "the real one");
        assertThat(alice.events.received).noneMatch(ChatMessage::verified);
        assertThat(alice.engine.peers()).extracting(Peer::name, Peer::online, Peer::verified).containsExactlyInAnyOrder(
                tuple("BOB", true, true),
                tuple("FOXPC", true, false));
    }

    /**
     * Away with a status line, ALICE still says plain ONLINE to the original program (its 38-byte header and the body
     * ONLINE, nothing more), and reading the original program's message tells it nothing: it has no "seen".
     */
    @Test
    void theOriginalProgramSeesPlainOnlineWhileAwayAndNoSeenReceipt() throws Exception {
        InMemoryNetwork.InMemoryCarrier foxpc = aliceAndBobBesideTheOriginalProgram();
        lan.clearLog();
        alice.engine.setStatus(new Status(true, "in a meeting until 3"));
        time.runDue();
        assertThat(bob.events.statuses).containsExactly("ALICE away in a meeting until 3");

        List<byte[]> toTheOriginal = fromAliceOnTheOriginalsCarrier();
        assertThat(toTheOriginal).as("the status change is announced on the original's carrier too").isNotEmpty();
        for (byte[] online : toTheOriginal) {
            String id = new String(online, 24, 12, StandardCharsets.US_ASCII);
            assertThat(id).as("the id field, right-aligned digits").matches(" *[0-9]+");
            assertThat(online).containsExactly(Bytes.concat(
                    Bytes.ascii("ALICE"), Bytes.repeat(' ', 19),   // sender, padded to 24
                    Bytes.ascii(id),                               // message id STR(n, 12)
                    Bytes.ascii("0"),                              // no confirmation asked
                    Bytes.ascii("1"),                              // a system message
                    Bytes.ascii("ONLINE")));                       // body: plain ONLINE, no away, no status line
        }

        FoxMessageCodec codec = new FoxMessageCodec(StandardCharsets.ISO_8859_1);
        foxpc.send(new PeerAddress("fox", "alice-fox"), "ALICE", codec.encode(FoxMessage.user("FOXPC", 7,
                "are you there?"), StandardCharsets.ISO_8859_1));
        time.runDue();
        ChatMessage received = alice.events.received.get(0);
        lan.clearLog();
        alice.engine.markRead("FOXPC", received.rowId());
        time.runDue();
        assertThat(lan.log()).as("reading it sends the original program nothing").isEmpty();
    }

    /** ALICE on a TrayTalk carrier and the original program's (a Windows node), BOB, and a FoxPro PC ("foxpc"). */
    private InMemoryNetwork.InMemoryCarrier aliceAndBobBesideTheOriginalProgram() throws Exception {
        alice.alsoLegacy = true; // like a Windows node with udp and mailslot
        alice.start();
        bob.start();
        InMemoryNetwork.InMemoryCarrier foxpc = lan.attach("foxpc").legacy(true).named("fox");
        foxpc.start(in -> { });
        return foxpc;
    }

    private List<byte[]> fromAliceOnTheOriginalsCarrier() {
        return lan.log().stream().filter(s -> s.from().equals("alice-fox")).map(InMemoryNetwork.Sent::bytes).toList();
    }

    @Test
    void aReinstalledPeerIsAcceptedOnceTheUserComparedItsCode() throws Exception {
        alice.start();
        bob.start();
        bob.stop();
        TestNode newBob = impostor("BOB", "bob2"); // bob reinstalled: a new identity under the old name
        newBob.start();
        newBob.engine.send("ALICE", "it's me, I reinstalled");
        time.advance(Duration.ofSeconds(3));
        assertThat(alice.events.receivedBodies()).isEmpty();
        KeyChange change = alice.engine.keyChanges().get(0);
        assertThat(change.offered()).isEqualTo(newBob.engine.fingerprint());

        assertThatThrownBy(() -> alice.engine.trust("BOB", alice.engine.fingerprint()))
                .isInstanceOf(MessengerException.class).hasMessageContaining("No TrayTalk identity");
        alice.engine.trust("BOB", change.offered());
        time.runDue();
        assertThat(alice.events.receivedBodies()).containsExactly("it's me, I reinstalled");
        assertThat(alice.events.received.get(0).verified()).isTrue();
        assertThat(alice.engine.keyChanges()).isEmpty();

        time.advance(Duration.ofSeconds(70)); // its resends are confirmed now, and its next announcement is verified
        assertThat(alice.engine.peers().stream().filter(p -> p.name().equals("BOB")).findFirst().orElseThrow())
                .satisfies(p -> {
                    assertThat(p.online()).isTrue();
                    assertThat(p.fingerprint()).isEqualTo(newBob.engine.fingerprint());
                });
        assertThat(newBob.engine.history(HistoryQuery.latest(1)).get(0).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(alice.events.receivedBodies()).containsExactly("it's me, I reinstalled"); // once
    }

    @Test
    void aReinstalledPeerIsConfirmedOnceAcceptedEvenAfterItsOldIdentityWasToldItsMessageWasSeen() throws Exception {
        TestNode newBob = reinstalledBob();
        ChatMessage fromOldBob = alice.events.received.get(0);
        ChatMessage held = newBob.engine.send("ALICE", "it's me, on my new laptop");
        time.advance(Duration.ofSeconds(3));
        alice.engine.markRead("BOB", fromOldBob.rowId()); // a seen receipt for the old identity, which is gone
        time.advance(Duration.ofSeconds(2));
        acceptedAndConfirmed(newBob, held);
    }

    @Test
    void aReinstalledPeerWhoseHeldMessageWasResentForAWhileIsConfirmedOnceAccepted() throws Exception {
        TestNode newBob = reinstalledBob();
        ChatMessage held = newBob.engine.send("ALICE", "it's me, on my new laptop");
        // held, so never answered: each resend after a silence comes in a new session, more than alice keeps
        time.advance(Duration.ofSeconds(30));
        acceptedAndConfirmed(newBob, held);
    }

    /** BOB, whom alice knows, is gone without a goodbye (alice still lists him) and turns up with a new identity. */
    private TestNode reinstalledBob() throws Exception {
        alice.start();
        bob.start();
        bob.engine.send("ALICE", "from my old laptop");
        time.runDue();
        bob.kill();
        TestNode newBob = impostor("BOB", "bob2");
        newBob.start();
        return newBob;
    }

    /** alice accepts the new identity: its next message is confirmed, and so, at its next resend, the held one. */
    private void acceptedAndConfirmed(TestNode newBob, ChatMessage held) throws Exception {
        alice.engine.trust("BOB", alice.engine.keyChanges().get(0).offered());
        time.advance(Duration.ofSeconds(1));
        ChatMessage next = newBob.engine.send("ALICE", "confirmed now?");
        time.advance(Duration.ofSeconds(5));
        assertThat(alice.events.receivedBodies()).contains("it's me, on my new laptop", "confirmed now?");
        assertThat(newBob.events.lastState(next.rowId())).isEqualTo(DeliveryState.DELIVERED);
        time.advance(Duration.ofSeconds(60));
        assertThat(newBob.events.lastState(held.rowId())).isEqualTo(DeliveryState.DELIVERED);
    }
}
