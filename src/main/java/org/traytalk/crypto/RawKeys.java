package org.traytalk.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/** Checks and conversions for 32-byte raw keys, shared by the X25519 and Ed25519 wrappers. */
final class RawKeys {
    static final int LENGTH = 32;

    private RawKeys() {
    }

    /** A copy of {@code key}, so later changes to the caller's array cannot change a key we hold. */
    static byte[] checkedCopy(byte[] key, String what) {
        Objects.requireNonNull(key, what);
        if (key.length != LENGTH) {
            throw new IllegalArgumentException(what + " must be " + LENGTH + " bytes, not " + key.length);
        }
        return key.clone();
    }

    /** The unsigned integer of 32 little-endian bytes (the byte order of RFC 7748 and RFC 8032). */
    static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    /** {@code value} as 32 little-endian bytes; it must be below 2^256. */
    static byte[] toLittleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[LENGTH];
        // toByteArray may carry one leading sign byte, which is zero for our non-negative values
        for (int i = 0; i < bigEndian.length && i < LENGTH; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        if (bigEndian.length > LENGTH + 1 || (bigEndian.length == LENGTH + 1 && bigEndian[0] != 0)) {
            throw new IllegalArgumentException("value does not fit in " + LENGTH + " bytes");
        }
        return out;
    }

    /** 32 bytes from {@code random}: a private key or seed. */
    static byte[] random(SecureRandom random) {
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return key;
    }

    /** Whether two key pairs are equal, in constant time on the secret halves so timing reveals nothing. */
    static boolean samePair(byte[] secret, byte[] publicKey, byte[] otherSecret, byte[] otherPublicKey) {
        return MessageDigest.isEqual(secret, otherSecret) & MessageDigest.isEqual(publicKey, otherPublicKey);
    }

    /** A key pair's text: the public key only, since key pairs end up in logs and assertion messages. */
    static String describe(String type, byte[] publicKey) {
        return type + "[publicKey=" + hex(publicKey) + "]";
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
