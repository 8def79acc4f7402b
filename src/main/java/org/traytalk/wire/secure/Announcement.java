package org.traytalk.wire.secure;

import java.util.Arrays;
import java.util.Objects;
import org.traytalk.wire.PeerNames;

/**
 * What a node says about itself to everyone in its group, signed with its identity key: that it is there (ONLINE),
 * who else is (DETECT asks them to answer), or that it leaves (OFFLINE). Carries the node's public keys, so a
 * receiver learns them with the first announcement it hears and needs no extra round trip.
 *
 * @param kind         what is announced
 * @param sequence     grows with every announcement and handshake of this identity, across restarts: an older one
 *                     replayed is refused
 * @param instanceId   random per process start: a new one means the node restarted
 * @param signingKey   the node's Ed25519 public key (32 bytes)
 * @param agreementKey the node's X25519 public key (32 bytes)
 * @param name         the node's name
 * @param extensions   further fields as tag (1 byte), length (2 bytes), value; unknown tags are ignored
 * @param signature    Ed25519 signature over {@link AnnouncementCodec#signedBytes}
 */
public record Announcement(Kind kind, long sequence, long instanceId, byte[] signingKey, byte[] agreementKey,
                           String name, byte[] extensions, byte[] signature) {
    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    public static final int MAX_EXTENSION_BYTES = 1024;
    /** Extension tags: the user's status (see StatusExtension), and the freshness challenge and its echo. */
    public static final int TAG_AWAY = 1;
    public static final int TAG_STATUS_LINE = 2;
    /** In a DETECT: 16 random bytes of the asking run; whoever answers echoes them. */
    public static final int TAG_CHALLENGE = 3;
    /** In an answer: the challenge of the DETECT it answers, which proves the answer is not a recording. */
    public static final int TAG_ECHO = 4;

    /** What is announced; the codes are the wire values. */
    public enum Kind {
        DETECT(1), ONLINE(2), OFFLINE(3);

        final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    public Announcement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (signingKey.length != KEY_BYTES || agreementKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("keys are " + KEY_BYTES + " bytes");
        }
        if (signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("signature is " + SIGNATURE_BYTES + " bytes");
        }
        if (extensions.length > MAX_EXTENSION_BYTES) {
            throw new IllegalArgumentException("extensions take at most " + MAX_EXTENSION_BYTES + " bytes");
        }
        String problem = PeerNames.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + name);
        }
        signingKey = signingKey.clone();
        agreementKey = agreementKey.clone();
        extensions = extensions.clone();
        signature = signature.clone();
    }

    /** The same announcement with another signature (signing fills it in). */
    public Announcement withSignature(byte[] newSignature) {
        return new Announcement(kind, sequence, instanceId, signingKey, agreementKey, name, extensions, newSignature);
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }

    @Override
    public byte[] agreementKey() {
        return agreementKey.clone();
    }

    @Override
    public byte[] extensions() {
        return extensions.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Announcement a && a.kind == kind && a.sequence == sequence && a.instanceId == instanceId
                && Arrays.equals(a.signingKey, signingKey) && Arrays.equals(a.agreementKey, agreementKey)
                && a.name.equals(name) && Arrays.equals(a.extensions, extensions)
                && Arrays.equals(a.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, sequence, instanceId, name, Arrays.hashCode(signingKey),
                Arrays.hashCode(agreementKey), Arrays.hashCode(extensions), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "Announcement[" + kind + " from " + name + ", sequence " + sequence + ", instance "
                + Long.toHexString(instanceId) + "]";
    }
}
