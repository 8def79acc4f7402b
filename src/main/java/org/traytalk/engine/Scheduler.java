package org.traytalk.engine;

import java.time.Duration;

/**
 * The engine's single thread and its timers. All engine state is touched only from tasks run here,
 * so the engine needs no locks; tests drive it with virtual time.
 */
public interface Scheduler extends AutoCloseable {

    /** A timer that can be cancelled; cancelling a task that already ran does nothing. */
    interface Timer {
        void cancel();
    }

    void execute(Runnable task);

    Timer schedule(Duration delay, Runnable task);

    /** True when called from the thread that runs this scheduler's tasks. */
    boolean isSchedulerThread();

    /** Stops running tasks; waits a little for the current one. */
    @Override
    void close();

    /** A real scheduler on one named daemon thread. */
    static Scheduler singleThread(String threadName) {
        return new ExecutorScheduler(threadName);
    }
}
