package org.traytalk.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the screen refused, by reason, and says so in the log at most once a minute: a flood of forged or
 * foreign frames costs one log line a minute, not one per frame; the first refusal of each reason in a run is logged
 * at once with where it came from and why; at shutdown, the total. Thread-safe: the inbound
 * queue counts what it drops on the carriers' threads.
 */
final class Refusals {
    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);
    static final Duration REPORT_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Long> total = new TreeMap<>();
    private final Map<String, Long> sinceReport = new TreeMap<>();
    private Instant reported = Instant.MIN;

    Refusals(Clock clock) {
        this.clock = clock;
    }

    /** One more refused for {@code reason}; {@code detail} goes to the debug log only. */
    synchronized void count(String reason, Object source, String detail) {
        boolean firstOfItsKind = total.merge(reason, 1L, Long::sum) == 1;
        sinceReport.merge(reason, 1L, Long::sum);
        if (firstOfItsKind) {
            // what and from where, at once: a new kind of refusal may be a fault, not an attack (reasons are few)
            LOG.warn("Refused a datagram from {}: {} ({}; more like it are counted once a minute)", source, detail,
                    reason);
        } else {
            LOG.debug("Refused a datagram from {}: {}", source, detail);
        }
        Instant now = clock.instant();
        if (!reported.plus(REPORT_EVERY).isAfter(now)) {
            LOG.warn("Refused {} since {}", sinceReport, reported == Instant.MIN ? "start" : "a minute ago");
            sinceReport.clear();
            reported = now;
        }
    }

    /** At shutdown: every refusal since the start, so the log also accounts for the minute not yet reported. */
    synchronized void reportTotal() {
        if (!total.isEmpty()) {
            LOG.info("Refused in all since start: {}", total);
        }
    }

    /** Every refusal since the start, by reason. */
    synchronized Map<String, Long> total() {
        return Map.copyOf(total);
    }
}
