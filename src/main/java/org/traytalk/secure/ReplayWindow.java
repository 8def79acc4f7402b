package org.traytalk.secure;

/**
 * Which transport counters of one session were already accepted: the highest, and a window of at least
 * {@value #SIZE} - 64 before it (datagrams may arrive out of order). A counter seen before, or older than the window, is refused, as
 * IPsec (RFC 4303 section 3.4.3) and WireGuard do. Not thread-safe.
 */
final class ReplayWindow {
    static final int SIZE = 2048;
    private static final int WORDS = SIZE / 64;

    private final long[] seen = new long[WORDS];
    private long highest = -1;

    /** True (and remembered) the first time a counter inside the window arrives; false for replays and stale ones. */
    boolean accept(long counter) {
        if (counter < 0) {
            return false;
        }
        if (counter > highest) {
            slide(counter);
            mark(counter);
            return true;
        }
        if (counter / 64 <= highest / 64 - WORDS) { // its word now stands for newer counters
            return false;
        }
        int word = (int) ((counter / 64) % WORDS);
        long bit = 1L << (counter % 64);
        if ((seen[word] & bit) != 0) {
            return false;
        }
        seen[word] |= bit;
        return true;
    }

    private void slide(long counter) {
        long fromWord = highest < 0 ? -1 : highest / 64;
        long toWord = counter / 64;
        // clear the words that now stand for counters above the old highest
        for (long w = Math.max(fromWord + 1, toWord - WORDS + 1); w <= toWord; w++) {
            seen[(int) (w % WORDS)] = 0;
        }
        highest = counter;
    }

    private void mark(long counter) {
        seen[(int) ((counter / 64) % WORDS)] |= 1L << (counter % 64);
    }
}
