package org.traytalk.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential resend delays with jitter, so a crowd of senders does not resend in lockstep. */
final class Backoff {
    private final Duration first;
    private final Duration max;
    private final RandomGenerator random;

    Backoff(Duration first, Duration max, RandomGenerator random) {
        this.first = first;
        this.max = max;
        this.random = random;
    }

    /** Delay before resend number {@code attempt} (1 = after the first send): first * 2^(attempt-1), capped, +-20 %. */
    Duration delay(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long base = Math.min(first.toMillis() << shift, max.toMillis());
        if (base <= 0) {
            base = max.toMillis();
        }
        long jitter = (long) (base * 0.2 * (random.nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(1, base + jitter));
    }
}
