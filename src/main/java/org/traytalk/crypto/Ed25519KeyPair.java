package org.traytalk.crypto;

import java.util.Arrays;

/**
 * An Ed25519 key pair as raw 32-byte arrays: the private seed and the RFC 8032 public key encoding. Immutable:
 * arrays are copied in and out. Build one with {@link Ed25519#generate} or {@link Ed25519#keyPair}; this
 * constructor only checks lengths.
 */
public record Ed25519KeyPair(byte[] seed, byte[] publicKey) {
    public Ed25519KeyPair {
        seed = RawKeys.checkedCopy(seed, "Ed25519 seed");
        publicKey = RawKeys.checkedCopy(publicKey, "Ed25519 public key");
    }

    /** A copy of the 32-byte private seed. */
    @Override
    public byte[] seed() {
        return seed.clone();
    }

    /** A copy of the 32-byte public key. */
    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519KeyPair other
                && RawKeys.samePair(seed, publicKey, other.seed, other.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    /** Names the public key only. */
    @Override
    public String toString() {
        return RawKeys.describe("Ed25519KeyPair", publicKey);
    }
}
