package org.traytalk.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Makes TrayTalk's background threads: named, so a thread dump says whose they are, and daemons, so none keeps
 * the process alive after the user quits. Usable as an executor's {@link ThreadFactory}.
 */
public final class DaemonThreads implements ThreadFactory {
    private final String name;

    /** Every thread this factory makes is called {@code name}. */
    public DaemonThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * One thread called {@code name} that runs tasks in turn and exists only while it has some: it ends after
     * {@code idle} without work and is made again for the next task. For occasional work (a send from a window).
     */
    public static ExecutorService whileBusy(String name, Duration idle) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, idle.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new DaemonThreads(name));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** Runs {@code task} on a new daemon thread called {@code name}, started before this returns. */
    public static Thread start(String name, Runnable task) {
        Thread t = new DaemonThreads(name).newThread(task);
        t.start();
        return t;
    }

    /**
     * Waits at most {@code patience} for {@code thread} to end; true when it has ended. A thread cannot wait for
     * itself, so on {@code thread} itself this returns false at once. An interrupt ends the wait and is kept.
     */
    public static boolean join(Thread thread, Duration patience) {
        if (thread == Thread.currentThread()) {
            return false;
        }
        try {
            thread.join(Math.max(1, patience.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
