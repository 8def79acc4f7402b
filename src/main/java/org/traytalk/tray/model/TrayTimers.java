package org.traytalk.tray.model;

import java.time.Duration;

/**
 * One-shot timers that run their task on the UI thread (a Swing timer in the app, a manual clock in tests),
 * so the models here never sleep and never need locks.
 */
public interface TrayTimers {

    /** A pending task; cancelling one that already ran does nothing. */
    interface Pending {
        void cancel();
    }

    /** Runs {@code task} once, {@code delay} from now, on the thread that owns the models. */
    Pending after(Duration delay, Runnable task);
}
