package org.traytalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.traytalk.testing.CapturedLog;

/**
 * A flood of refusals costs one log line a minute, the first of each kind is told at once with where it came from,
 * and the log still accounts for every one by the end.
 */
class RefusalsTest {
    final VirtualScheduler time = new VirtualScheduler();
    final Refusals refusals = new Refusals(time.clock());
    CapturedLog log;

    @BeforeEach
    void listen() {
        log = CapturedLog.of(Refusals.class);
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    void oneLineAMinuteAndTheTotalAtShutdown() {
        refusals.count("forged", "udp:10.77.0.9:40000", "bad signature");
        for (int i = 0; i < 1000; i++) {
            refusals.count("replayed", "udp:10.77.0.9:40000", "seen before");
        }
        time.advance(Duration.ofSeconds(61));
        refusals.count("replayed", "udp:10.77.0.9:40000", "seen before");
        refusals.count("malformed", "udp:10.77.0.9:40000", "too short");
        refusals.reportTotal();

        assertThat(log.messages()).containsExactly(
                "Refused a datagram from udp:10.77.0.9:40000: bad signature (forged; more like it are counted once a"
                        + " minute)",
                "Refused {forged=1} since start",
                "Refused a datagram from udp:10.77.0.9:40000: seen before (replayed; more like it are counted once a"
                        + " minute)",
                "Refused {replayed=1001} since a minute ago",
                "Refused a datagram from udp:10.77.0.9:40000: too short (malformed; more like it are counted once a"
                        + " minute)",
                "Refused in all since start: {forged=1, malformed=1, replayed=1001}");
    }

    @Test
    void nothingRefusedNothingSaid() {
        refusals.reportTotal();
        assertThat(log.messages()).isEmpty();
    }
}
