package org.traytalk.secure;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.CarrierException;
import org.traytalk.crypto.Hkdf;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.trust.Identity;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.AnnouncementCodec;
import org.traytalk.wire.secure.AnnouncementFrame;
import org.traytalk.wire.secure.HandshakeInit;
import org.traytalk.wire.secure.HandshakeReply;
import org.traytalk.wire.secure.Payload;
import org.traytalk.wire.secure.SecureFrame;
import org.traytalk.wire.secure.SecureFrameCodec;
import org.traytalk.wire.secure.TransportFrame;

/**
 * TrayTalk's end-to-end layer, the same on every TrayTalk carrier (docs/PROTOCOL.md, "Secure frames"): this node's
 * signed announcements, and sessions with each peer in which every payload is encrypted and authenticated, with
 * forward secrecy (fresh ephemeral keys per session, a new session every {@link #REKEY_AFTER}) and refusal of
 * anything replayed. Opening a frame proves which identity sent it; whether that identity may use the name it
 * claims is the engine's decision (trust on first use). Frames are byte arrays that any carrier can move, datagrams
 * or a stream that delimits them. Engine thread only: it keeps no thread or timer, and tidies up as it is used.
 */
public final class SecureLink {
    private static final Logger LOG = LoggerFactory.getLogger(SecureLink.class);
    /** A session this old gets a successor at the next send. */
    static final Duration REKEY_AFTER = Duration.ofMinutes(10);
    /** A session this old is dropped: its keys are gone, what they protected stays secret. */
    static final Duration REJECT_AFTER = Duration.ofMinutes(15);
    /** A handshake unanswered this long is started again at the next send. */
    static final Duration RETRY_HANDSHAKE = Duration.ofSeconds(1);
    /** A handshake unanswered this long is given up, with what waited for it. */
    static final Duration GIVE_UP_HANDSHAKE = Duration.ofSeconds(10);
    /** Sent on a session and heard nothing back this long: the peer may have lost it, so a new handshake starts. */
    static final Duration PATIENCE = Duration.ofSeconds(2);
    static final int MAX_WAITING_PER_PEER = 64;
    static final int MAX_PEERS_REMEMBERED = 4096;
    static final int MAX_PEERS_WAITED_FOR = 256;
    static final int CHALLENGE_BYTES = 16;
    /**
     * An identity heard unasked is asked again at most this often: its DETECT and ONLINE sent together draw one
     * question, its repeats a second apart one each.
     */
    static final Duration CHALLENGE_EVERY = Duration.ofMillis(500);
    /**
     * A run of an identity that answered one of this node's DETECTs lists this node: for this long its DETECTs to
     * everyone (its start-up repeats) draw no answer, which it does not need. Shorter than three heartbeats of the
     * shortest setting (5 s): a peer that heard nothing of this node for three probes it with a DETECT that must be
     * answered, and that one comes later.
     */
    static final Duration LISTED_FOR = Duration.ofSeconds(10);
    private static final Duration TIDY_EVERY = Duration.ofSeconds(10);

    /** Puts a frame on the carrier that {@code to} names. */
    public interface FrameOutput {
        void send(PeerAddress to, byte[] frame) throws CarrierException;
    }

    /** When a run ({@code instanceId}) of an identity last answered one of this node's DETECTs. */
    private record Answer(long instanceId, Instant at) {
    }

    /** A payload waiting for a session; {@code sent} runs once its frame left. */
    private record Waiting(PeerAddress to, Payload payload, Runnable sent) {
    }

    private final Identity me;
    private final Supplier<String> localName;
    private final Clock clock;
    private final FrameOutput out;
    private final SecureFrameCodec frames = new SecureFrameCodec();
    private final Announcements announcements;
    private final Handshakes handshakes;
    private final SessionTable table;
    private final Map<PeerKey, Deque<Waiting>> waiting = new LinkedHashMap<>();
    // what each identity said last, so an old frame is refused; bounded, but the identities this node keeps (its
    // pinned peers) are never the ones forgotten, so a crowd of made-up identities cannot make room for a replay
    private final Map<PeerKey, Long> lastAnnouncement = new LinkedHashMap<>();
    private final Map<PeerKey, Long> lastInstance = new LinkedHashMap<>();
    private final Map<PeerKey, Long> lastHello = new LinkedHashMap<>();
    // where each identity proved it is: a frame of it from elsewhere moves nothing until it answers there
    private final Map<PeerKey, PeerAddress> provenAt = new LinkedHashMap<>();
    private final Map<PeerKey, Answer> answeredUs = new LinkedHashMap<>();
    private final Predicate<PeerKey> kept;
    private final BooleanSupplier mayAsk;
    private final Supplier<byte[]> extensions;
    /** Asked in this run's DETECTs to everyone: only a live peer can echo it. */
    private final byte[] challenge = new byte[CHALLENGE_BYTES];
    /** Makes the challenge of a question to one address: its echo proves the identity answers there. */
    private final byte[] questionKey = new byte[Hkdf.HASH_LENGTH];
    private final Map<PeerKey, Instant> challenged = new LinkedHashMap<>();
    private final Map<Rejected.Reason, Long> refused = new EnumMap<>(Rejected.Reason.class);
    private Instant tidied = Instant.MIN;

    /**
     * @param extensions what this node's announcements carry besides (the user's status), asked anew each time
     * @param kept       the identities whose freshness records stay however many others turn up (the pinned ones)
     * @param mayAsk     takes one of the node's answers in all, true if there was one left: asking an identity
     *                   heard unasked is an answer too
     */
    public SecureLink(Identity me, Supplier<String> localName, GroupSecrets group, Clock clock, SecureRandom random,
                      LongSupplier sequences, long instanceId, Supplier<byte[]> extensions, Predicate<PeerKey> kept,
                      BooleanSupplier mayAsk, FrameOutput out) {
        this.me = me;
        this.kept = kept;
        this.mayAsk = mayAsk;
        this.extensions = extensions;
        random.nextBytes(challenge);
        random.nextBytes(questionKey);
        this.localName = localName;
        this.clock = clock;
        this.out = out;
        this.announcements = new Announcements(group, me, sequences, instanceId, random);
        this.handshakes = new Handshakes(group, me, sequences, random);
        this.table = new SessionTable(random);
    }

    /**
     * This node's announcement of {@code kind} under {@code name}, ready for any TrayTalk carrier: with the
     * extensions of the moment (the user's status), a DETECT with this run's challenge, an answer with the
     * {@code echo} of the DETECT it answers (null when it answers none).
     */
    public byte[] announcement(Announcement.Kind kind, String name, byte[] echo) {
        return announcement(kind, name, kind == Announcement.Kind.DETECT ? challenge : null, echo);
    }

    private byte[] announcement(Announcement.Kind kind, String name, byte[] asked, byte[] echo) {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        ext.writeBytes(extensions.get());
        if (asked != null) {
            ext.writeBytes(AnnouncementCodec.extensions(Announcement.TAG_CHALLENGE, asked));
        }
        if (echo != null) {
            ext.writeBytes(AnnouncementCodec.extensions(Announcement.TAG_ECHO, echo));
        }
        return frames.encode(announcements.make(kind, name, ext.toByteArray()));
    }

    /**
     * Checks a frame from {@code from}: an announcement or a payload comes back with the identity that sent it;
     * a handshake is answered here and gives nothing back; our own announcement coming back gives nothing. Anything
     * forged, replayed, from outside the group or malformed is refused, and counted.
     */
    public Optional<Opened> open(PeerAddress from, byte[] bytes) throws Rejected {
        tidy();
        try {
            return openChecked(from, bytes);
        } catch (Rejected e) {
            refused.merge(e.reason(), 1L, Long::sum);
            throw e;
        }
    }

    private Optional<Opened> openChecked(PeerAddress from, byte[] bytes) throws Rejected {
        SecureFrame frame;
        try {
            frame = frames.decode(bytes, 0, bytes.length);
        } catch (MalformedMessageException e) {
            throw new Rejected(Rejected.Reason.MALFORMED, e.getMessage());
        }
        Instant now = clock.instant();
        if (frame instanceof AnnouncementFrame f) {
            return heard(from, announcements.open(f), now);
        }
        if (frame instanceof HandshakeInit f) {
            answer(from, f, bytes, now);
            return Optional.empty();
        }
        if (frame instanceof HandshakeReply f) {
            complete(from, f, bytes, now);
            return Optional.empty();
        }
        TransportFrame f = (TransportFrame) frame;
        Session session = table.byIndex(f.receiverIndex());
        if (session == null || session.olderThan(REJECT_AFTER, now)) {
            throw new Rejected(Rejected.Reason.UNKNOWN_SESSION, "transport frame for session "
                    + Integer.toHexString(f.receiverIndex()) + ", which this node does not have");
        }
        try {
            Payload payload = Payload.decode(session.open(f, now));
            return Optional.of(new Opened.Received(session.peer(), payload, where(session.peer(), from, false, now)));
        } catch (MalformedMessageException e) {
            throw new Rejected(Rejected.Reason.MALFORMED, e.getMessage());
        }
    }

    private Optional<Opened> heard(PeerAddress from, Announcement a, Instant now) throws Rejected {
        PeerKey key = new PeerKey(a.signingKey(), a.agreementKey());
        if (key.equals(me.publicKey())) {
            return Optional.empty(); // our own, come back over a carrier that echoes
        }
        Long last = lastAnnouncement.get(key);
        if (last != null && a.sequence() <= last) {
            throw new Rejected(Rejected.Reason.REPLAYED, "announcement " + a.sequence() + " from \"" + a.name()
                    + "\" is not newer than " + last);
        }
        byte[] echo = AnnouncementCodec.extension(a, Announcement.TAG_ECHO);
        boolean answersHere = echo != null && Arrays.equals(echo, challengeAt(from));
        if (last == null && !answersHere && !Arrays.equals(echo, challenge)) {
            // this run never heard it: ask it, at that address, before believing it; a DETECT's question answers it
            challenge(key, from, a.kind() == Announcement.Kind.DETECT
                    ? AnnouncementCodec.extension(a, Announcement.TAG_CHALLENGE) : null, now);
            return Optional.of(new Opened.Heard(key, a, false, from, false));
        }
        remember(lastAnnouncement, key, a.sequence());
        Long instance = remember(lastInstance, key, a.instanceId());
        if (instance != null && instance != a.instanceId()) {
            LOG.debug("{} restarted: its sessions are gone", a.name());
            table.forget(key);
        }
        boolean answersUs = echo != null && (answersHere || Arrays.equals(echo, challenge));
        if (a.kind() == Announcement.Kind.ONLINE && answersUs) {
            remember(answeredUs, key, new Answer(a.instanceId(), now)); // its engine took our DETECT: it lists us
        }
        return Optional.of(new Opened.Heard(key, a, true, where(key, from, answersHere, now),
                a.kind() == Announcement.Kind.DETECT && echo == null && listsUs(key, a.instanceId(), now)));
    }

    /** Whether this run ({@code instanceId}) of {@code key} answered one of our DETECTs within {@link #LISTED_FOR}. */
    private boolean listsUs(PeerKey key, long instanceId, Instant now) {
        Answer answer = answeredUs.get(key);
        return answer != null && answer.instanceId() == instanceId && answer.at().plus(LISTED_FOR).isAfter(now);
    }

    /**
     * Where {@code key} is, now that a frame of it came from {@code from}: there, if that answers the question this
     * run asked at {@code from} ({@code proven}) or no address is known yet; otherwise where it last proved it is, and
     * it is asked at {@code from}. A recording of a frame this node never got is news, but played from another
     * address it must not draw the identity's traffic there.
     */
    private PeerAddress where(PeerKey key, PeerAddress from, boolean proven, Instant now) {
        if (proven || !provenAt.containsKey(key)) {
            remember(provenAt, key, from);
            return from;
        }
        return whereElse(key, from, now);
    }

    /** Where {@code key} last proved it is (and it is asked at {@code from} if that is elsewhere), else {@code from}. */
    private PeerAddress whereElse(PeerKey key, PeerAddress from, Instant now) {
        PeerAddress known = provenAt.get(key);
        if (known == null) {
            return from;
        }
        if (!known.equals(from)) {
            challenge(key, from, null, now);
        }
        return known;
    }

    /**
     * A DETECT with the challenge of a question to {@code at}, straight to the address an unproven frame came from;
     * with the {@code echo} of the DETECT it answers, if it answers one, so that one packet draws one answer. Asked
     * at most every {@link #CHALLENGE_EVERY} per identity, and only while the node's answers in all allow it
     * ({@code mayAsk}): made-up identities are free, and each would otherwise draw a DETECT toward an address that
     * may be forged.
     */
    private void challenge(PeerKey key, PeerAddress at, byte[] echo, Instant now) {
        Instant last = challenged.get(key);
        if (last != null && last.plus(CHALLENGE_EVERY).isAfter(now)) {
            return;
        }
        if (!mayAsk.getAsBoolean()) {
            LOG.debug("Did not ask {} at {}: too many answers of late", key.fingerprint(), at);
            return; // its next announcement is asked about, once answers are allowed again
        }
        challenged.remove(key);
        challenged.put(key, now);
        if (challenged.size() > MAX_PEERS_REMEMBERED) {
            challenged.remove(challenged.keySet().iterator().next());
        }
        transmit(at, announcement(Announcement.Kind.DETECT, localName.get(), challengeAt(at), echo));
    }

    /**
     * The challenge of this run's question to {@code at} alone: an echo of it, from there, proves the identity
     * answers there; an answer recorded and played from elsewhere proves nothing.
     */
    private byte[] challengeAt(PeerAddress at) {
        return Hkdf.expand(questionKey, (at.carrier() + '\0' + at.address()).getBytes(StandardCharsets.UTF_8),
                CHALLENGE_BYTES);
    }

    private void answer(PeerAddress from, HandshakeInit init, byte[] bytes, Instant now) throws Rejected {
        Handshakes.Answered answered = handshakes.answer(init, bytes, table.newIndex(), now);
        // hellos and announcements count from one counter: one older than the identity's newest of either is old
        Long last = newest(lastHello.get(answered.initiator()), lastAnnouncement.get(answered.initiator()));
        if (last != null && answered.hello().sequence() <= last) {
            throw new Rejected(Rejected.Reason.REPLAYED, "handshake " + answered.hello().sequence() + " from \""
                    + answered.hello().name() + "\" is not newer than " + last);
        }
        remember(lastHello, answered.initiator(), answered.hello().sequence());
        table.add(answered.session());
        transmit(whereElse(answered.initiator(), from, now), answered.reply());
    }

    private void complete(PeerAddress from, HandshakeReply reply, byte[] bytes, Instant now) throws Rejected {
        Handshakes.Pending pending = table.takePending(reply.receiverIndex());
        if (pending == null) {
            throw new Rejected(Rejected.Reason.UNKNOWN_SESSION, "handshake reply to "
                    + Integer.toHexString(reply.receiverIndex()) + ", which this node did not start or gave up");
        }
        Session session = handshakes.complete(pending, reply, bytes, now);
        table.add(session);
        remember(provenAt, pending.peer(), from); // only the peer, live, could answer this handshake
        Deque<Waiting> queue = waiting.remove(pending.peer());
        if (queue != null) {
            for (Waiting w : queue) {
                seal(session, from, w.payload(), w.sent(), now); // where the reply came from is where the peer is now
            }
        }
    }

    /**
     * Sends {@code payload} to the identity {@code to} at {@code at}: at once in a session, or after a handshake,
     * which starts here when needed. {@code sent} runs once the frame left; never if it could not.
     */
    public void send(PeerKey to, PeerAddress at, Payload payload, Runnable sent) {
        tidy();
        Instant now = clock.instant();
        Session session = table.sendable(to, now, REJECT_AFTER, PATIENCE);
        if (session != null) {
            seal(session, at, payload, sent, now);
            if (session.olderThan(REKEY_AFTER, now)) {
                handshake(to, at, now); // the next session is ready before this one expires
            }
            return;
        }
        if (!waiting.containsKey(to) && waiting.size() >= MAX_PEERS_WAITED_FOR) {
            waiting.remove(waiting.keySet().iterator().next()); // the outbox resends what matters
        }
        Deque<Waiting> queue = waiting.computeIfAbsent(to, k -> new ArrayDeque<>());
        if (queue.size() >= MAX_WAITING_PER_PEER) {
            queue.removeFirst(); // its sender resends it
        }
        queue.addLast(new Waiting(at, payload, sent));
        handshake(to, at, now);
    }

    /** Drops every session with {@code peer} and what waits for it. */
    public void forget(PeerKey peer) {
        table.forget(peer);
        waiting.remove(peer);
    }

    /** How many frames were refused, by reason, since the start. */
    public Map<Rejected.Reason, Long> refused() {
        return Map.copyOf(refused);
    }

    private void handshake(PeerKey to, PeerAddress at, Instant now) {
        Handshakes.Pending current = table.pendingFor(to);
        if (current != null && current.started().plus(RETRY_HANDSHAKE).isAfter(now)) {
            return;
        }
        Handshakes.Pending started = handshakes.initiate(to, table.newIndex(), localName.get(), now);
        table.addPending(started);
        transmit(at, started.frame());
    }

    private void seal(Session session, PeerAddress at, Payload payload, Runnable sent, Instant now) {
        if (transmit(at, frames.encode(session.seal(payload.encode(), now)))) {
            sent.run();
        }
    }

    private boolean transmit(PeerAddress to, byte[] frame) {
        try {
            out.send(to, frame);
            return true;
        } catch (CarrierException e) {
            LOG.debug("Could not send a frame to {}: {}", to, e.getMessage());
            return false;
        }
    }

    private void tidy() {
        Instant now = clock.instant();
        if (tidied.plus(TIDY_EVERY).isAfter(now)) {
            return;
        }
        tidied = now;
        for (PeerKey gaveUp : table.expire(now, REJECT_AFTER, GIVE_UP_HANDSHAKE)) {
            waiting.remove(gaveUp); // the outbox resends what matters
        }
    }

    private static Long newest(Long a, Long b) {
        return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
    }

    /** Records {@code value} for {@code key}, as the newest; past the bound, the oldest record not kept goes. */
    private <V> V remember(Map<PeerKey, V> records, PeerKey key, V value) {
        V before = records.remove(key);
        records.put(key, value);
        if (records.size() > MAX_PEERS_REMEMBERED) {
            for (Iterator<PeerKey> it = records.keySet().iterator(); it.hasNext(); ) {
                if (!kept.test(it.next())) {
                    it.remove();
                    break;
                }
            }
        }
        return before;
    }
}
