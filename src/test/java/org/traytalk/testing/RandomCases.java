package org.traytalk.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Property checks over many random cases with a reproducible seed: a failure names the seed and case, and
 * {@code -Dtraytalk.seed=N} replays exactly that run. Also generators for the inputs our codecs see.
 */
public final class RandomCases {
    private RandomCases() {
    }

    /** Runs the property {@code tries} times, each with its own random source derived from one seed. */
    public static void check(int tries, Consumer<SplittableRandom> property) {
        long seed = Long.getLong("traytalk.seed", System.nanoTime());
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < tries; i++) {
            SplittableRandom r = root.split();
            try {
                property.accept(r);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("Property failed on case " + i + " (replay with -Dtraytalk.seed=" + seed + "): "
                        + e.getMessage(), e);
            }
        }
    }

    public static byte[] bytes(SplittableRandom r, int maxLength) {
        byte[] b = new byte[r.nextInt(maxLength + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** Well-formed text (no lone surrogates) mixing ASCII, Latin-1, the rest of the BMP and supplementary planes. */
    public static String text(SplittableRandom r, int maxCodePoints) {
        int n = r.nextInt(maxCodePoints + 1);
        StringBuilder sb = new StringBuilder();
        while (n-- > 0) {
            sb.appendCodePoint(codePoint(r));
        }
        return sb.toString();
    }

    public static int codePoint(SplittableRandom r) {
        while (true) {
            int pick = r.nextInt(10);
            int cp = pick < 5 ? r.nextInt(0x20, 0x7F)
                    : pick < 7 ? r.nextInt(0, 0x100)
                    : pick < 9 ? r.nextInt(0x100, 0x10000)
                    : r.nextInt(0x10000, 0x110000);
            if (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE) {
                return cp;
            }
        }
    }
}
