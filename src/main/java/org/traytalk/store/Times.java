package org.traytalk.store;

import java.time.Instant;

/** Instants as epoch nanoseconds: full precision, one INTEGER column, ordered like the instants. */
final class Times {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Times() {
    }

    /** Saturates outside 1677..2262 so "since the beginning of time" queries still work. */
    static long toNanos(Instant at) {
        try {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS_PER_SECOND), at.getNano());
        } catch (ArithmeticException outOfRange) {
            return at.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
