package org.traytalk.engine;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.traytalk.store.MessageStore;

/**
 * Hands out wire ids: never repeating (a counter reserved from the store in blocks, so a restart never reuses one
 * and the store is not written for every system message) and not predictable from outside (the counter goes through
 * a keyed permutation of 1..2^31-1, so nobody who saw one id can send the next one first and have the real message
 * dropped as a duplicate by the original program). Engine thread only.
 */
final class WireIds {
    static final int BLOCK = 512;
    private static final int ROUNDS = 6;
    private static final int LEFT_BITS = 15;
    private static final int RIGHT_BITS = 16;

    private final MessageStore store;
    private final Cipher rounds;
    private int next;
    private int remaining;

    /** @param key 16 or 32 secret bytes, the same across restarts (else ids of two runs could meet) */
    WireIds(MessageStore store, byte[] key) {
        this.store = store;
        try {
            this.rounds = Cipher.getInstance("AES/ECB/NoPadding");
            rounds.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, 0, 16, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 has AES", e);
        }
    }

    int next() {
        if (remaining == 0) {
            next = store.reserveWireIds(BLOCK);
            remaining = BLOCK;
        }
        remaining--;
        return permute(next++);
    }

    /** A permutation of 1..2^31-1: a Feistel network over 31 bits, walking past 0 (cycle walking). */
    int permute(int counter) {
        if (counter < 1) {
            throw new IllegalArgumentException("wire id counters are 1..2^31-1: " + counter);
        }
        int x = counter;
        do {
            x = feistel(x);
        } while (x == 0);
        return x;
    }

    private int feistel(int x) {
        int left = x >>> RIGHT_BITS;
        int right = x & ((1 << RIGHT_BITS) - 1);
        for (int round = 0; round < ROUNDS; round++) {
            // unbalanced halves (15 and 16 bits) swap roles each round; each stays within its width
            int width = round % 2 == 0 ? LEFT_BITS : RIGHT_BITS;
            int f = prf(round, right) & ((1 << width) - 1);
            int newRight = left ^ f;
            left = right;
            right = newRight;
        }
        return (left << RIGHT_BITS) | right; // an even number of rounds puts the 15-bit half back on the left
    }

    private int prf(int round, int value) {
        byte[] block = new byte[16];
        block[0] = (byte) round;
        block[12] = (byte) (value >>> 24);
        block[13] = (byte) (value >>> 16);
        block[14] = (byte) (value >>> 8);
        block[15] = (byte) value;
        try {
            byte[] out = rounds.doFinal(block);
            return ((out[0] & 0xFF) << 24) | ((out[1] & 0xFF) << 16) | ((out[2] & 0xFF) << 8) | (out[3] & 0xFF);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES refused one block", e);
        }
    }
}
