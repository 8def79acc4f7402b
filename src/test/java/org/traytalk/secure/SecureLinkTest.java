package org.traytalk.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.testing.TestTrust;
import org.traytalk.trust.Identity;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.AnnouncementCodec;
import org.traytalk.wire.secure.Payload;

/** Two links wired back to back, frames handed over by the test (so it can lose, replay and tamper with them). */
class SecureLinkTest {
    private static final PeerAddress AT_ALICE = new PeerAddress("mem", "alice");
    private static final PeerAddress AT_BOB = new PeerAddress("mem", "bob");
    private static final byte[] NONE = new byte[0];

    /** One side: its link, the frames it put on the wire, and what was opened there. */
    private final class Side {
        final Identity identity;
        final List<byte[]> wire = new ArrayList<>();
        /** Where each frame on {@link #wire} went. */
        final List<PeerAddress> sentTo = new ArrayList<>();
        final SecureLink link;
        /** The node's answers in all still allowed. */
        int answersLeft = Integer.MAX_VALUE;

        Side(long seed, GroupSecrets group, long instance) {
            this(seed, group, instance, 0);
        }

        /** @param sequenceFrom where its announcement numbers start (a restart goes on above the last run's) */
        Side(long seed, GroupSecrets group, long instance, long sequenceFrom) {
            identity = TestTrust.identity(seed);
            AtomicLong sequence = new AtomicLong(sequenceFrom);
            link = new SecureLink(identity, () -> "N" + seed, group, clock, TestTrust.random(seed * 1000 + instance),
                    sequence::incrementAndGet, instance, () -> NONE, key -> false, () -> answersLeft-- > 0,
                    (to, frame) -> {
                        wire.add(frame);
                        sentTo.add(to);
                    });
        }

        PeerKey key() {
            return identity.publicKey();
        }

        List<byte[]> take() {
            List<byte[]> frames = List.copyOf(wire);
            wire.clear();
            sentTo.clear();
            return frames;
        }
    }

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final GroupSecrets group = GroupSecrets.derive("FOXAPP", null);
    private final Side alice = new Side(1, group, 11);
    private final Side bob = new Side(2, group, 22);

    private static Payload text(String s) {
        return new Payload(Payload.FOX_MESSAGE, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands every frame from {@code from} to {@code to}, and back, until both are quiet; returns what was opened. */
    private List<Opened> exchange(Side from, Side to) throws Rejected {
        List<Opened> opened = new ArrayList<>();
        boolean moved = true;
        while (moved) {
            moved = false;
            for (byte[] frame : from.take()) {
                to.link.open(from == alice ? AT_ALICE : AT_BOB, frame).ifPresent(opened::add);
                moved = true;
            }
            for (byte[] frame : to.take()) {
                from.link.open(to == alice ? AT_ALICE : AT_BOB, frame).ifPresent(opened::add);
                moved = true;
            }
        }
        return opened;
    }

    @Test
    void aPayloadOpensAtTheOtherSideWithTheSendersProvenIdentity() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        alice.link.send(bob.key(), AT_BOB, text("hello"), sent::incrementAndGet);
        assertThat(sent).hasValue(0); // a handshake first
        List<Opened> opened = exchange(alice, bob);
        assertThat(sent).hasValue(1);
        assertThat(opened).singleElement().isInstanceOfSatisfying(Opened.Received.class, r -> {
            assertThat(r.key()).isEqualTo(alice.key());
            assertThat(new String(r.payload().bytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        });
        // the responder may answer in the session now that a frame proved it; no new handshake
        bob.link.send(alice.key(), AT_ALICE, text("hi back"), () -> { });
        assertThat(bob.wire).hasSize(1);
        assertThat(exchange(bob, alice)).singleElement().extracting(Opened::key).isEqualTo(bob.key());
    }

    /** {@code to} hears {@code from}'s ONLINE, asks it (a DETECT with its challenge), and hears the answer. */
    private Opened.Heard prove(Side from, Side to, String name) throws Rejected {
        PeerAddress at = from == alice ? AT_ALICE : AT_BOB;
        to.link.open(at, from.link.announcement(Announcement.Kind.ONLINE, name, null));
        byte[] detect = to.take().get(0);
        Opened.Heard asked = (Opened.Heard) from.link.open(to == alice ? AT_ALICE : AT_BOB, detect).orElseThrow();
        from.take(); // its own question back, unanswered here
        byte[] challenge = AnnouncementCodec.extension(asked.announcement(), Announcement.TAG_CHALLENGE);
        return (Opened.Heard) to.link.open(at, from.link.announcement(Announcement.Kind.ONLINE, name, challenge))
                .orElseThrow();
    }

    @Test
    void aDetectToEveryoneFromARunThatAnsweredUsLatelyNeedsNoAnswerButAQuestionOrALaterDetectDoes() throws Exception {
        Opened.Heard first = (Opened.Heard) bob.link.open(AT_ALICE,
                alice.link.announcement(Announcement.Kind.DETECT, "ALICE", null)).orElseThrow();
        assertThat(first.listsUs()).isFalse(); // not even current yet
        bob.take();
        now = now.plus(SecureLink.CHALLENGE_EVERY);
        prove(alice, bob, "ALICE"); // alice answered bob's question: her run lists bob
        Opened.Heard repeat = (Opened.Heard) bob.link.open(AT_ALICE,
                alice.link.announcement(Announcement.Kind.DETECT, "ALICE", null)).orElseThrow();
        assertThat(repeat.current()).isTrue();
        assertThat(repeat.listsUs()).isTrue();
        // a DETECT that echoes one of bob's asks bob in particular (alice moved, or lost bob's answer): answered
        byte[] bobsChallenge = AnnouncementCodec.extension(((Opened.Heard) alice.link.open(AT_BOB,
                bob.link.announcement(Announcement.Kind.DETECT, "BOB", null)).orElseThrow()).announcement(),
                Announcement.TAG_CHALLENGE);
        alice.take();
        assertThat(((Opened.Heard) bob.link.open(AT_ALICE, alice.link.announcement(Announcement.Kind.DETECT, "ALICE",
                bobsChallenge)).orElseThrow()).listsUs()).isFalse();
        // later, a DETECT may be the probe of a peer that heard nothing from bob for three heartbeats: answered
        now = now.plus(SecureLink.LISTED_FOR);
        assertThat(((Opened.Heard) bob.link.open(AT_ALICE, alice.link.announcement(Announcement.Kind.DETECT, "ALICE",
                null)).orElseThrow()).listsUs()).isFalse();
    }

    @Test
    void aRestartedPeersDetectIsAnsweredThoughItsLastRunListedUs() throws Exception {
        prove(alice, bob, "ALICE");
        Side restarted = new Side(1, group, 12, 1_000_000);
        Opened.Heard detect = (Opened.Heard) bob.link.open(AT_ALICE,
                restarted.link.announcement(Announcement.Kind.DETECT, "ALICE", null)).orElseThrow();
        assertThat(detect.current()).isTrue(); // newer than what bob heard of alice
        assertThat(detect.listsUs()).isFalse(); // but a new run, which knows nobody yet
    }

    @Test
    void anAnnouncementHeardUnaskedCountsOnlyOnceItsIdentityAnsweredThisRunsQuestion() throws Exception {
        byte[] online = alice.link.announcement(Announcement.Kind.ONLINE, "ALICE", null);
        Optional<Opened> heard = bob.link.open(AT_ALICE, online);
        assertThat(heard).get().isInstanceOfSatisfying(Opened.Heard.class, h -> {
            assertThat(h.key()).isEqualTo(alice.key());
            assertThat(h.announcement().name()).isEqualTo("ALICE");
            assertThat(h.announcement().instanceId()).isEqualTo(11);
            assertThat(h.current()).isFalse(); // perhaps a recording: bob asks alice, at that address
        });
        assertThat(bob.wire).singleElement().satisfies(f -> assertThat(f[0]).isEqualTo((byte) 1));
        assertThat(bob.link.open(AT_ALICE, online)).get().extracting(o -> ((Opened.Heard) o).current())
                .isEqualTo(false);
        assertThat(bob.wire).hasSize(1); // not asked again so soon
        bob.take();
        now = now.plus(SecureLink.CHALLENGE_EVERY);

        Opened.Heard answered = prove(alice, bob, "ALICE");
        assertThat(answered.current()).isTrue();
        assertThatThrownBy(() -> bob.link.open(AT_ALICE, online)).isInstanceOfSatisfying(Rejected.class,
                e -> assertThat(e.reason()).isEqualTo(Rejected.Reason.REPLAYED));
        // a fresh bob (restarted): the answer to the old run's question proves nothing
        Side bobAgain = new Side(2, group, 23);
        byte[] oldAnswer = alice.link.announcement(Announcement.Kind.ONLINE, "ALICE",
                AnnouncementCodec.extension(answered.announcement(), Announcement.TAG_ECHO));
        assertThat(bobAgain.link.open(AT_ALICE, oldAnswer)).get().extracting(o -> ((Opened.Heard) o).current())
                .isEqualTo(false);
    }

    @Test
    void aDetectHeardUnaskedDrawsOneQuestionWhichAnswersItToo() throws Exception {
        assertThat(bob.link.open(AT_ALICE, alice.link.announcement(Announcement.Kind.DETECT, "ALICE", null)))
                .get().extracting(o -> ((Opened.Heard) o).current()).isEqualTo(false);
        byte[] question = bob.take().get(0);
        assertThat(bob.wire).isEmpty();
        Opened.Heard heard = (Opened.Heard) alice.link.open(AT_BOB, question).orElseThrow();
        assertThat(heard.announcement().kind()).isEqualTo(Announcement.Kind.DETECT);
        assertThat(heard.current()).as("it echoes ALICE's challenge: BOB is live, and one packet drew one answer")
                .isTrue();
        assertThat(alice.wire).as("nothing to ask BOB").isEmpty();
    }

    @Test
    void identitiesHeardUnaskedAreAskedOnlyWhileTheNodesAnswersAllowIt() throws Exception {
        Side carol = new Side(3, group, 33);
        PeerAddress atCarol = new PeerAddress("mem", "carol");
        bob.answersLeft = 1;
        bob.link.open(AT_ALICE, alice.link.announcement(Announcement.Kind.ONLINE, "ALICE", null));
        bob.link.open(atCarol, carol.link.announcement(Announcement.Kind.ONLINE, "CAROL", null));
        assertThat(bob.take()).as("ALICE asked, CAROL not: no answers left").hasSize(1);
        bob.answersLeft = 1;
        bob.link.open(atCarol, carol.link.announcement(Announcement.Kind.ONLINE, "CAROL", null));
        assertThat(bob.take()).as("CAROL's next announcement is asked about at once").hasSize(1);
    }

    @Test
    void announcementsAreSignedAndOnlyForTheGroup() throws Exception {
        assertThat(alice.link.open(AT_ALICE, alice.link.announcement(Announcement.Kind.ONLINE, "ALICE", null)))
                .isEmpty(); // our own, echoed
        Side stranger = new Side(3, GroupSecrets.derive("FOXAPP", "the passphrase"), 33);
        assertThatThrownBy(() -> bob.link.open(AT_ALICE, stranger.link.announcement(Announcement.Kind.ONLINE, "EVE",
                null))).isInstanceOfSatisfying(Rejected.class,
                e -> assertThat(e.reason()).isEqualTo(Rejected.Reason.NOT_IN_GROUP));
        byte[] online = alice.link.announcement(Announcement.Kind.ONLINE, "ALICE", null);
        online[online.length - 1] ^= 1;
        assertThatThrownBy(() -> bob.link.open(AT_ALICE, online)).isInstanceOf(Rejected.class);
        assertThat(bob.link.refused()).containsEntry(Rejected.Reason.NOT_IN_GROUP, 2L);
    }

    @Test
    void aReplayedHandshakeOlderThanTheIdentitysLatestAnnouncementIsRefused() throws Exception {
        alice.link.send(bob.key(), AT_BOB, text("one"), () -> { });
        byte[] oldInit = alice.take().get(0); // recorded, never delivered
        prove(alice, bob, "ALICE"); // alice's latest word now is newer than that handshake
        assertThatThrownBy(() -> bob.link.open(AT_ALICE, oldInit)).isInstanceOfSatisfying(Rejected.class,
                e -> assertThat(e.reason()).isEqualTo(Rejected.Reason.REPLAYED));
    }

    @Test
    void aTamperedFrameIsForgedAndAReplayedOneIsRefused() throws Exception {
        alice.link.send(bob.key(), AT_BOB, text("one"), () -> { });
        exchange(alice, bob);
        alice.link.send(bob.key(), AT_BOB, text("two"), () -> { });
        byte[] frame = alice.take().get(0);
        byte[] tampered = frame.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> bob.link.open(AT_ALICE, tampered)).isInstanceOfSatisfying(Rejected.class,
                e -> assertThat(e.reason()).isEqualTo(Rejected.Reason.FORGED));
        assertThat(bob.link.open(AT_ALICE, frame)).isPresent(); // the genuine one still opens
        assertThatThrownBy(() -> bob.link.open(AT_ALICE, frame)).isInstanceOfSatisfying(Rejected.class,
                e -> assertThat(e.reason()).isEqualTo(Rejected.Reason.REPLAYED));
    }

    @Test
    void aReplayedHandshakeIsRefusedAndAStrangersHandshakeIsDroppedBeforeAnyKeyAgreement() throws Exception {
        alice.link.send(bob.key(), AT_BOB, text("one"), () -> { });
        byte[] init = alice.take().get(0);
        assertThat(bob.link.open(AT_ALICE, init)).isEmpty();
        bob.take();
        assertThatThrownBy(() -> bob.link.open(AT_ALICE, init)).isInstanceOfSatisfying(Rejected.class,
                e -> assertThat(e.reason()).isEqualTo(Rejected.Reason.REPLAYED));
        assertThat(bob.wire).isEmpty(); // no second reply

        Side outsider = new Side(3, GroupSecrets.derive("FOXAPP", "members only"), 33);
        outsider.link.send(bob.key(), AT_BOB, text("let me in"), () -> { });
        assertThatThrownBy(() -> bob.link.open(AT_ALICE, outsider.take().get(0)))
                .isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.reason())
                        .isEqualTo(Rejected.Reason.NOT_IN_GROUP));
    }

    @Test
    void framesOfAKnownPeerFromAnotherAddressLeaveItWhereItProvedItIsUntilItAnswersThere() throws Exception {
        PeerAddress laptop = new PeerAddress("mem", "laptop");
        prove(alice, bob, "ALICE");
        alice.link.send(bob.key(), AT_BOB, text("one"), () -> { });
        exchange(alice, bob);
        // what alice sent while bob was unplugged, recorded and played to him later from the laptop: news to bob,
        // but it must not draw alice's traffic to the laptop
        byte[] missedAnnouncement = alice.link.announcement(Announcement.Kind.ONLINE, "ALICE", null);
        alice.link.send(bob.key(), AT_BOB, text("missed"), () -> { });
        byte[] missedFrame = alice.take().get(0);
        now = now.plus(SecureLink.CHALLENGE_EVERY); // bob asked alice when he first heard her

        Opened.Heard heard = (Opened.Heard) bob.link.open(laptop, missedAnnouncement).orElseThrow();
        assertThat(heard.current()).isTrue();
        assertThat(heard.at()).isEqualTo(AT_ALICE);
        assertThat(bob.sentTo).as("alice is asked at the laptop").containsExactly(laptop);
        assertThatThrownBy(() -> bob.link.open(laptop, missedAnnouncement)).isInstanceOfSatisfying(Rejected.class,
                e -> assertThat(e.reason()).isEqualTo(Rejected.Reason.REPLAYED));
        Opened.Received received = (Opened.Received) bob.link.open(laptop, missedFrame).orElseThrow();
        assertThat(received.at()).isEqualTo(AT_ALICE);
        assertThat(new String(received.payload().bytes(), StandardCharsets.UTF_8)).isEqualTo("missed");

        // alice really moved to that address: she answers bob's question there, and is there from then on
        byte[] question = bob.take().get(0);
        Opened.Heard asked = (Opened.Heard) alice.link.open(AT_BOB, question).orElseThrow();
        alice.take();
        byte[] echo = AnnouncementCodec.extension(asked.announcement(), Announcement.TAG_CHALLENGE);
        Opened.Heard answer = (Opened.Heard) bob.link
                .open(laptop, alice.link.announcement(Announcement.Kind.ONLINE, "ALICE", echo)).orElseThrow();
        assertThat(answer.at()).isEqualTo(laptop);
        alice.link.send(bob.key(), laptop, text("from here"), () -> { });
        assertThat(((Opened.Received) bob.link.open(laptop, alice.take().get(0)).orElseThrow()).at())
                .isEqualTo(laptop);
    }

    @Test
    void aRestartedPeerIsNoticedAndGetsANewSession() throws Exception {
        prove(alice, bob, "ALICE");
        bob.link.send(alice.key(), AT_ALICE, text("one"), () -> { });
        exchange(bob, alice);
        // alice restarts: a new link with the same identity and a new instance id
        Side restarted = new Side(1, group, 12, 1000);
        assertThat(bob.link.open(AT_ALICE, restarted.link.announcement(Announcement.Kind.ONLINE, "ALICE", null)))
                .get().extracting(o -> ((Opened.Heard) o).current()).isEqualTo(true); // newer than bob heard
        bob.take();
        bob.link.send(alice.key(), AT_ALICE, text("two"), () -> { });
        List<Opened> opened = exchange(bob, restarted);
        assertThat(opened).singleElement().extracting(o -> new String(((Opened.Received) o).payload().bytes(),
                StandardCharsets.UTF_8)).isEqualTo("two");
    }

    @Test
    void talkingIntoTheVoidStartsANewHandshake() throws Exception {
        alice.link.send(bob.key(), AT_BOB, text("one"), () -> { });
        exchange(alice, bob);
        alice.link.send(bob.key(), AT_BOB, text("lost"), () -> { });
        alice.take(); // bob lost its session (killed) and never answers
        now = now.plus(SecureLink.PATIENCE).plusMillis(1);
        alice.link.send(bob.key(), AT_BOB, text("again"), () -> { });
        List<byte[]> frames = alice.take();
        assertThat(frames).singleElement().satisfies(f -> assertThat(f[0]).isEqualTo((byte) 2)); // a handshake init
    }

    @Test
    void aPeerThatIsNeverAnsweredStillGetsEveryNewSessionTaken() throws Exception {
        // bob keeps what alice sends unanswered (her key changed and waits for his user), so alice starts a session
        // after each silence; more of them than bob keeps, every one of which carried something
        for (int i = 1; i <= SessionTable.SESSIONS_PER_PEER + 2; i++) {
            alice.link.send(bob.key(), AT_BOB, text("held " + i), () -> { });
            assertThat(exchange(alice, bob)).as("message %d", i).singleElement()
                    .extracting(o -> new String(((Opened.Received) o).payload().bytes(), StandardCharsets.UTF_8))
                    .isEqualTo("held " + i);
            now = now.plus(SecureLink.PATIENCE).plusMillis(1);
        }
        bob.link.send(alice.key(), AT_ALICE, text("accepted"), () -> { }); // in the newest session
        assertThat(bob.wire).singleElement().satisfies(f -> assertThat(f[0]).isEqualTo((byte) 4)); // in a session
        assertThat(exchange(bob, alice)).singleElement().extracting(Opened::key).isEqualTo(bob.key());
    }

    @Test
    void sessionsAreRekeyedAndOldKeysDropped() throws Exception {
        alice.link.send(bob.key(), AT_BOB, text("one"), () -> { });
        exchange(alice, bob);
        bob.link.send(alice.key(), AT_ALICE, text("receipt"), () -> { }); // the session is answered
        exchange(bob, alice);
        now = now.plus(SecureLink.REKEY_AFTER).plusSeconds(1);
        alice.link.send(bob.key(), AT_BOB, text("two"), () -> { });
        List<byte[]> frames = alice.take();
        assertThat(frames).extracting(f -> f[0]).containsExactly((byte) 4, (byte) 2); // sent now, and a new handshake

        alice.link.send(bob.key(), AT_BOB, text("three"), () -> { });
        byte[] inOldSession = alice.take().get(0);
        now = now.plus(SecureLink.REJECT_AFTER);
        assertThatThrownBy(() -> bob.link.open(AT_ALICE, inOldSession)).isInstanceOfSatisfying(Rejected.class,
                e -> assertThat(e.reason()).isEqualTo(Rejected.Reason.UNKNOWN_SESSION));
    }

    @Test
    void whatWaitsForAHandshakeIsBounded() {
        for (int i = 0; i < SecureLink.MAX_WAITING_PER_PEER + 10; i++) {
            alice.link.send(bob.key(), AT_BOB, text("m" + i), () -> { });
        }
        assertThat(alice.wire).hasSize(1); // one handshake, the payloads wait
        // and the oldest gave way: after the handshake only the newest MAX_WAITING_PER_PEER go out
        try {
            assertThat(exchange(alice, bob)).hasSize(SecureLink.MAX_WAITING_PER_PEER);
        } catch (Rejected e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aGivenUpHandshakeDropsWhatWaitedForIt() throws Exception {
        alice.link.send(bob.key(), AT_BOB, text("never"), () -> { });
        byte[] init = alice.take().get(0);
        now = now.plus(SecureLink.GIVE_UP_HANDSHAKE).plusSeconds(11); // alice tidies up at her next use
        alice.link.send(bob.key(), AT_BOB, text("later"), () -> { });
        alice.take();
        bob.link.open(AT_ALICE, init);
        byte[] reply = bob.take().get(0);
        assertThatThrownBy(() -> alice.link.open(AT_BOB, reply)).isInstanceOfSatisfying(Rejected.class,
                e -> assertThat(e.reason()).isEqualTo(Rejected.Reason.UNKNOWN_SESSION));
    }

    @Test
    void tooShortOrUnknownFramesAreMalformed() {
        assertThatThrownBy(() -> bob.link.open(AT_ALICE, new byte[] {9, 1, 2})).isInstanceOfSatisfying(
                Rejected.class, e -> assertThat(e.reason()).isEqualTo(Rejected.Reason.MALFORMED));
        assertThatThrownBy(() -> bob.link.open(AT_ALICE, new byte[0])).isInstanceOf(Rejected.class);
    }
}
