package org.traytalk.it;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Waits for what a test can observe (a window, a log line, an icon), never for a fixed time. */
final class Eventually {
    private Eventually() {
    }

    /**
     * The first value {@code probe} finds, asking every {@code every}; after {@code timeout} an AssertionError that
     * says what did not happen, followed by {@code report} (the processes' output).
     */
    static <T> T find(String what, Duration timeout, Duration every, Callable<Optional<T>> probe,
                      Supplier<String> report) {
        try {
            return Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(every)
                    .until(probe, Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Waited " + timeout + " in vain for " + what + "\n" + report.get(), e);
        }
    }

    /** Like {@link #find}, for a condition. */
    static void until(String what, Duration timeout, Duration every, Callable<Boolean> condition,
                      Supplier<String> report) {
        find(what, timeout, every, () -> condition.call() ? Optional.of(true) : Optional.empty(), report);
    }
}
