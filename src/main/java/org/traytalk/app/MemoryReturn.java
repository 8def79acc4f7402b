package org.traytalk.app;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.tray.model.TrayTimers;

/**
 * Gives back the memory a closed window used, once per close and never while idle: a few seconds after the window
 * closed (its last repaints done) one full collection, which lets Serial GC shrink the heap to what is live, and a
 * second later, once the Java2D disposer freed the native side of what was collected, the C heap's free pages.
 * A window opened and closed again before then puts it off.
 */
final class MemoryReturn {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryReturn.class);
    static final Duration COLLECT_AFTER = Duration.ofSeconds(5);
    static final Duration TRIM_AFTER = Duration.ofSeconds(1);

    private final TrayTimers timers;
    private final Runnable collect;
    private final BooleanSupplier trim;
    private TrayTimers.Pending pending;

    /**
     * @param timers  runs the steps (not on the Swing thread: a collection stops every thread anyway)
     * @param collect a full collection ({@code System::gc})
     * @param trim    the C heap's free pages given back ({@code NativeHeap::trim}), true when there were some
     */
    MemoryReturn(TrayTimers timers, Runnable collect, BooleanSupplier trim) {
        this.timers = Objects.requireNonNull(timers);
        this.collect = Objects.requireNonNull(collect);
        this.trim = Objects.requireNonNull(trim);
    }

    synchronized void windowClosed() {
        if (pending != null) {
            pending.cancel();
        }
        pending = timers.after(COLLECT_AFTER, this::collect);
    }

    private synchronized void collect() {
        collect.run();
        pending = timers.after(TRIM_AFTER, this::trim);
    }

    private void trim() {
        LOG.info("Window closed: heap collected, C heap {}", trim.getAsBoolean() ? "trimmed" : "had nothing to trim");
    }
}
