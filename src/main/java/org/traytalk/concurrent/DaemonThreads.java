package org.traytalk.concurrent;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

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
