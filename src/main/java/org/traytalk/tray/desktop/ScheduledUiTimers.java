package org.traytalk.tray.desktop;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.traytalk.tray.model.TrayTimers;

/**
 * The tray models' timers on the node's one scheduler thread instead of Swing's: the scheduler only counts the
 * delay and hands the task to the UI thread, so an idle tray app needs no Swing timer thread ("TimerQueue").
 * A task cancelled on the UI thread never runs, even when its time had come and it was already handed over.
 */
public final class ScheduledUiTimers implements TrayTimers {
    private final ScheduledExecutorService clock;
    private final Executor ui;

    /** @param clock counts the delays (shared: the tasks run on {@code ui}, never on it) */
    public ScheduledUiTimers(ScheduledExecutorService clock, Executor ui) {
        this.clock = clock;
        this.ui = ui;
    }

    @Override
    public Pending after(Duration delay, Runnable task) {
        UiTask pending = new UiTask(task);
        try {
            pending.scheduled = clock.schedule(() -> ui.execute(pending), Math.max(0, delay.toNanos()),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            pending.cancel(); // the node is shutting down and the tray with it: nothing is left to run it for
        }
        return pending;
    }

    /** Created, run and cancelled on the UI thread; only the hand-over comes from the scheduler. */
    private static final class UiTask implements Runnable, Pending {
        private final Runnable task;
        private volatile Future<?> scheduled;
        private boolean cancelled;

        UiTask(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            if (!cancelled) {
                cancelled = true; // one shot
                task.run();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            Future<?> f = scheduled;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
