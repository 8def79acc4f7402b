package org.traytalk.crypto;

import java.security.SecureRandom;

/** "Randomness" that hands out given bytes in order, so tests can fix the keys a generator makes. */
final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;
    private int next;

    FixedRandom(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
        if (next + out.length > bytes.length) {
            throw new IllegalStateException("FixedRandom ran out of bytes");
        }
        System.arraycopy(bytes, next, out, 0, out.length);
        next += out.length;
    }

    boolean usedUp() {
        return next == bytes.length;
    }

    static byte[] counting(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }
}
