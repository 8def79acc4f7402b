package org.traytalk.secure;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.traytalk.crypto.Ed25519;
import org.traytalk.crypto.X25519;
import org.traytalk.model.PeerKey;
import org.traytalk.noise.HandshakeState;
import org.traytalk.noise.NoiseException;
import org.traytalk.trust.Identity;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.secure.Hello;
import org.traytalk.wire.secure.HelloCodec;
import org.traytalk.wire.secure.HandshakeInit;
import org.traytalk.wire.secure.HandshakeReply;
import org.traytalk.wire.secure.SecureFrameCodec;

/**
 * The handshake that opens a session: Noise {@value #PROTOCOL}, the initiator already knowing the responder's static
 * key from its announcements (so IK: one round trip, the initiator's identity encrypted). The group's psk makes the
 * session impossible without the passphrase; the group-keyed mac on both frames drops strangers' frames before any
 * key agreement is computed; the signed {@link Hello} in the first message tells the responder the initiator's whole
 * identity. Keeps no state of its own. Not thread-safe.
 */
final class Handshakes {
    static final String PROTOCOL = "Noise_IKpsk2_25519_ChaChaPoly_SHA256";
    private static final byte[] NO_PAYLOAD = new byte[0];

    /** A handshake this node started and waits to hear back about; {@code frame} goes to the peer. */
    record Pending(int localIndex, PeerKey peer, HandshakeState state, Instant started, byte[] frame) {
    }

    /** A handshake answered: the responder's session, the reply frame, and who the initiator is. */
    record Answered(Session session, byte[] reply, PeerKey initiator, Hello hello) {
    }

    private final GroupSecrets group;
    private final Identity me;
    private final LongSupplier sequences;
    private final SecureRandom random;
    private final SecureFrameCodec frames = new SecureFrameCodec();
    private final HelloCodec hellos = new HelloCodec();
    private final Mac mac;

    Handshakes(GroupSecrets group, Identity me, LongSupplier sequences, SecureRandom random) {
        this.group = group;
        this.me = me;
        this.sequences = sequences;
        this.random = random;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(group.macKey(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 has HmacSHA256", e);
        }
    }

    /** Starts a handshake to {@code peer}, saying this node is {@code name}; the frame goes to the peer. */
    Pending initiate(PeerKey peer, int localIndex, String name, Instant now) {
        HandshakeState state = HandshakeState.initiator(PROTOCOL, group.prologue(), me.agreement(), peer.agreement(),
                List.of(group.psk()), () -> X25519.generate(random));
        Hello unsigned = new Hello(sequences.getAsLong(), me.publicKey().signing(), name, new byte[64]);
        Hello hello = unsigned.withSignature(me.sign(HelloCodec.signedBytes(unsigned, group.group(),
                me.publicKey().agreement(), peer.agreement())));
        byte[] noise;
        try {
            noise = state.writeMessage(hellos.encode(hello));
        } catch (NoiseException e) {
            throw new IllegalStateException("a fresh initiator refused to write its first message", e);
        }
        byte[] frame = withMac(frames.encode(new HandshakeInit(localIndex, noise, new byte[16])));
        return new Pending(localIndex, peer, state, now, frame);
    }

    /** Answers a handshake another node started; refuses strangers, forgeries and anything malformed. */
    Answered answer(HandshakeInit init, byte[] encoded, int localIndex, Instant now) throws Rejected {
        checkMac(encoded);
        HandshakeState state = HandshakeState.responder(PROTOCOL, group.prologue(), me.agreement(), null,
                List.of(group.psk()), () -> X25519.generate(random));
        Hello hello;
        byte[] reply;
        try {
            hello = hellos.decode(state.readMessage(init.noise()));
            reply = state.writeMessage(NO_PAYLOAD);
        } catch (NoiseException e) {
            throw new Rejected(Rejected.Reason.FORGED, "handshake that does not verify: " + e.getMessage());
        } catch (MalformedMessageException e) {
            throw new Rejected(Rejected.Reason.MALFORMED, "malformed hello: " + e.getMessage());
        }
        byte[] initiatorAgreement = state.remoteStatic();
        byte[] signed = HelloCodec.signedBytes(hello, group.group(), initiatorAgreement, me.publicKey().agreement());
        if (!Ed25519.verify(hello.signingKey(), signed, hello.signature())) {
            throw new Rejected(Rejected.Reason.FORGED, "hello from \"" + hello.name() + "\" with a bad signature");
        }
        PeerKey initiator = new PeerKey(hello.signingKey(), initiatorAgreement);
        Session session = new Session(localIndex, init.senderIndex(), initiator, state.split(), false, now);
        byte[] frame = withMac(frames.encode(new HandshakeReply(localIndex, init.senderIndex(), reply, new byte[16])));
        return new Answered(session, frame, initiator, hello);
    }

    /** The initiator's session once the reply to its handshake arrived. */
    Session complete(Pending pending, HandshakeReply reply, byte[] encoded, Instant now) throws Rejected {
        checkMac(encoded);
        try {
            pending.state().readMessage(reply.noise());
        } catch (NoiseException e) {
            throw new Rejected(Rejected.Reason.FORGED, "handshake reply that does not verify: " + e.getMessage());
        }
        return new Session(pending.localIndex(), reply.senderIndex(), pending.peer(), pending.state().split(), true,
                now);
    }

    private byte[] withMac(byte[] encodedWithBlankMac) {
        byte[] frame = encodedWithBlankMac.clone();
        byte[] tag = macOf(SecureFrameCodec.macInput(frame));
        System.arraycopy(tag, 0, frame, frame.length - SecureFrameCodec.MAC_BYTES, SecureFrameCodec.MAC_BYTES);
        return frame;
    }

    private void checkMac(byte[] encoded) throws Rejected {
        byte[] expected = macOf(SecureFrameCodec.macInput(encoded));
        byte[] actual = Arrays.copyOfRange(encoded, encoded.length - SecureFrameCodec.MAC_BYTES, encoded.length);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new Rejected(Rejected.Reason.NOT_IN_GROUP, "handshake macked with another group's key"
                    + (group.withPassphrase() ? " (no or another passphrase)" : ""));
        }
    }

    private byte[] macOf(byte[] input) {
        return Arrays.copyOf(mac.doFinal(input), SecureFrameCodec.MAC_BYTES);
    }
}
