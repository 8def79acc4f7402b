package org.traytalk.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How much each source may do: per key at most {@link Rate#perSecond} units a second on average and
 * {@link Rate#burst} at once (a token bucket). Only the {@code maxKeys} keys used last are remembered, so made-up
 * sources cost a fixed amount of memory; a forgotten key starts again with a full allowance. Thread-safe; time comes
 * from an injected monotonic clock, so tests need no sleep.
 */
public final class Allowance<K> {

    /** {@code perSecond} units a second on average, at most {@code burst} at once. */
    public record Rate(double perSecond, double burst) {
        public Rate {
            if (!(perSecond > 0) || !(burst >= 1)) {
                throw new IllegalArgumentException("a rate needs perSecond > 0 and burst >= 1: " + perSecond + ", "
                        + burst);
            }
        }

        /** One every {@code seconds}, none saved up: "at most once per so many seconds". */
        public static Rate oncePer(double seconds) {
            return new Rate(1 / seconds, 1);
        }
    }

    private static final class Bucket {
        double units;
        long at;

        Bucket(double units, long at) {
            this.units = units;
            this.at = at;
        }
    }

    private final Rate rate;
    private final LongSupplier nanos;
    private final Map<K, Bucket> buckets;

    public Allowance(Rate rate, int maxKeys, LongSupplier nanos) {
        this.rate = rate;
        this.nanos = nanos;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes {@code units} from {@code key}'s allowance if it has them; false (and nothing taken) if not. */
    public synchronized boolean take(K key, double units) {
        long now = nanos.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(rate.burst(), now));
        bucket.units = Math.min(rate.burst(), bucket.units + (now - bucket.at) / 1e9 * rate.perSecond());
        bucket.at = now;
        if (bucket.units < units) {
            return false;
        }
        bucket.units -= units;
        return true;
    }

    /** One unit: one datagram, one answer, one resend. */
    public boolean take(K key) {
        return take(key, 1);
    }

    /** Keys remembered now; for tests. */
    synchronized int keys() {
        return buckets.size();
    }
}
