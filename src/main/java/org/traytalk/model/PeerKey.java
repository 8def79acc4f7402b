package org.traytalk.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The public half of a TrayTalk identity: an Ed25519 key that signs what the node announces, and the X25519 key its
 * sessions are agreed with. Both are part of the fingerprint, so neither can be swapped without it changing.
 * Immutable; the fingerprint is worked out once, since every verified message names its sender by it.
 */
public final class PeerKey {
    public static final int KEY_BYTES = 32;
    private static final byte[] FINGERPRINT_LABEL = "TrayTalk identity 1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] signing;
    private final byte[] agreement;
    private final Fingerprint fingerprint;

    /**
     * @param signing   the Ed25519 public key, 32 bytes as RFC 8032 encodes it
     * @param agreement the X25519 public key, 32 bytes as RFC 7748 encodes it
     */
    public PeerKey(byte[] signing, byte[] agreement) {
        if (signing.length != KEY_BYTES || agreement.length != KEY_BYTES) {
            throw new IllegalArgumentException("identity keys are " + KEY_BYTES + " bytes each");
        }
        this.signing = signing.clone();
        this.agreement = agreement.clone();
        this.fingerprint = fingerprintOf(this.signing, this.agreement);
    }

    /** The Ed25519 public key, 32 bytes as RFC 8032 encodes it. */
    public byte[] signing() {
        return signing.clone();
    }

    /** The X25519 public key, 32 bytes as RFC 7748 encodes it. */
    public byte[] agreement() {
        return agreement.clone();
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    private static Fingerprint fingerprintOf(byte[] signing, byte[] agreement) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(FINGERPRINT_LABEL);
            sha.update(signing);
            sha.update(agreement);
            return Fingerprint.of(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerKey k && Arrays.equals(k.signing, signing) && Arrays.equals(k.agreement, agreement);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(signing) + Arrays.hashCode(agreement);
    }

    @Override
    public String toString() {
        return "PeerKey[" + fingerprint() + ", agreement " + HexFormat.of().formatHex(agreement, 0, 4) + "...]";
    }
}
