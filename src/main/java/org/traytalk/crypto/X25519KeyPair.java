package org.traytalk.crypto;

import java.util.Arrays;

/**
 * An X25519 key pair as raw 32-byte arrays (RFC 7748 encodings). Immutable: arrays are copied in and out.
 * Build one with {@link X25519#generate} or {@link X25519#keyPair}; this constructor only checks lengths.
 */
public record X25519KeyPair(byte[] privateKey, byte[] publicKey) {
    public X25519KeyPair {
        privateKey = RawKeys.checkedCopy(privateKey, "X25519 private key");
        publicKey = RawKeys.checkedCopy(publicKey, "X25519 public key");
    }

    /** A copy of the 32-byte private scalar (unclamped, as generated). */
    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    /** A copy of the 32-byte public u-coordinate. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof X25519KeyPair other
                && RawKeys.samePair(privateKey, publicKey, other.privateKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    /** Names the public key only. */
    @Override
    public String toString() {
        return RawKeys.describe("X25519KeyPair", publicKey);
    }
}
