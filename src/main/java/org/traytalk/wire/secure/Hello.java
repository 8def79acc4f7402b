package org.traytalk.wire.secure;

import java.util.Arrays;
import java.util.Objects;
import org.traytalk.wire.PeerNames;

/**
 * Who opens a session, carried encrypted in the first handshake message: the initiator's signing key and name,
 * signed together with both sides' static keys, so a responder that never heard the initiator's announcements still
 * learns (and can check) its whole identity, and a hello recorded on the way to one peer is useless towards another.
 *
 * @param sequence   from the same ever-growing counter as the initiator's announcements: a replayed hello is refused
 * @param signingKey the initiator's Ed25519 public key
 * @param name       the initiator's name
 * @param signature  Ed25519 signature over {@link HelloCodec#signedBytes}
 */
public record Hello(long sequence, byte[] signingKey, String name, byte[] signature) {

    public Hello {
        Objects.requireNonNull(name, "name");
        if (signingKey.length != Announcement.KEY_BYTES) {
            throw new IllegalArgumentException("signing key is " + Announcement.KEY_BYTES + " bytes");
        }
        if (signature.length != Announcement.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("signature is " + Announcement.SIGNATURE_BYTES + " bytes");
        }
        String problem = PeerNames.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + name);
        }
        signingKey = signingKey.clone();
        signature = signature.clone();
    }

    public Hello withSignature(byte[] newSignature) {
        return new Hello(sequence, signingKey, name, newSignature);
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hello h && h.sequence == sequence && Arrays.equals(h.signingKey, signingKey)
                && h.name.equals(name) && Arrays.equals(h.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, name, Arrays.hashCode(signingKey), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "Hello[" + name + ", sequence " + sequence + "]";
    }
}
