package org.traytalk.secure;

import java.time.Duration;
import java.time.Instant;
import org.traytalk.model.PeerKey;
import org.traytalk.noise.CipherState;
import org.traytalk.noise.NoiseException;
import org.traytalk.noise.TransportCiphers;
import org.traytalk.wire.secure.SecureFrameCodec;
import org.traytalk.wire.secure.TransportFrame;

/**
 * One end of an established session with a peer: the transport keys of both directions, this side's counter and
 * the replay window of the other's. The initiator may send at once; the responder only once a frame arrived, which
 * proves the initiator holds the keys (as WireGuard does). Not thread-safe.
 */
final class Session {
    private final int localIndex;
    private final int remoteIndex;
    private final PeerKey peer;
    private final CipherState send;
    private final CipherState receive;
    private final Instant created;
    private final ReplayWindow window = new ReplayWindow();
    private boolean confirmed;
    private long nextCounter;
    private Instant firstUnanswered;

    Session(int localIndex, int remoteIndex, PeerKey peer, TransportCiphers ciphers, boolean initiator, Instant now) {
        this.localIndex = localIndex;
        this.remoteIndex = remoteIndex;
        this.peer = peer;
        this.send = ciphers.send();
        this.receive = ciphers.receive();
        this.created = now;
        this.confirmed = initiator;
    }

    int localIndex() {
        return localIndex;
    }

    PeerKey peer() {
        return peer;
    }

    Instant created() {
        return created;
    }

    boolean canSend() {
        return confirmed;
    }

    /** The plaintext as a transport frame to the peer. */
    TransportFrame seal(byte[] plaintext, Instant now) {
        long counter = nextCounter++;
        if (firstUnanswered == null) {
            firstUnanswered = now;
        }
        byte[] header = SecureFrameCodec.transportHeader(remoteIndex, counter);
        return new TransportFrame(remoteIndex, counter, send.encrypt(counter, header, plaintext));
    }

    /** The plaintext of a frame for this session; refused if forged or already seen. */
    byte[] open(TransportFrame frame, Instant now) throws Rejected {
        byte[] plain;
        try {
            plain = receive.decrypt(frame.counter(), SecureFrameCodec.transportHeader(localIndex, frame.counter()),
                    frame.ciphertext());
        } catch (NoiseException e) {
            throw new Rejected(Rejected.Reason.FORGED, "transport frame that does not decrypt in its session");
        }
        // checked after decrypting, so a forged counter cannot move the window
        if (!window.accept(frame.counter())) {
            throw new Rejected(Rejected.Reason.REPLAYED, "transport frame " + frame.counter() + " seen before");
        }
        confirmed = true;
        firstUnanswered = null;
        return plain;
    }

    /** Frames went out and nothing came back for {@code patience}: the peer may have lost the session. */
    boolean unanswered(Instant now, Duration patience) {
        return firstUnanswered != null && !firstUnanswered.plus(patience).isAfter(now);
    }

    boolean olderThan(Duration age, Instant now) {
        return !created.plus(age).isAfter(now);
    }
}
