package org.traytalk.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * Virtual time for engine tests: tasks run only when the test drains or advances, in due-time order,
 * on the test's thread. Wall clock and monotonic clock advance together unless a sleep is simulated.
 */
public final class VirtualScheduler implements Scheduler {

    private record Task(long dueNanos, long seq, Runnable action, boolean[] cancelled) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = Long.compare(dueNanos, o.dueNanos);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long monoNanos;
    private Instant wall = Instant.parse("2026-11-25T09:00:00Z");
    private long seq;
    private boolean closed;

    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return wall;
            }
        };
    }

    public long monotonicNanos() {
        return monoNanos;
    }

    public Instant now() {
        return wall;
    }

    @Override
    public void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        if (!closed) {
            queue.add(new Task(monoNanos + Math.max(0, delay.toNanos()), seq++, task, cancelled));
        }
        return () -> cancelled[0] = true;
    }

    @Override
    public boolean isSchedulerThread() {
        return true;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
    }

    /** Runs everything due now, including what those tasks schedule for now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves both clocks forward, running tasks as their time comes. */
    public void advance(Duration by) {
        long target = monoNanos + by.toNanos();
        while (!queue.isEmpty() && queue.peek().dueNanos() <= target) {
            Task t = queue.poll();
            wall = wall.plusNanos(t.dueNanos() - monoNanos);
            monoNanos = t.dueNanos();
            if (!t.cancelled()[0]) {
                t.action().run();
            }
        }
        wall = wall.plusNanos(target - monoNanos);
        monoNanos = target;
    }

    /** The machine slept: the wall clock jumps, the monotonic clock does not. */
    public void sleepMachine(Duration by) {
        wall = wall.plus(by);
    }

    /** A scheduler for one node: closing it drops that node's tasks and leaves the others running. */
    public Scheduler view() {
        VirtualScheduler shared = this;
        return new Scheduler() {
            private boolean viewClosed;

            @Override
            public void execute(Runnable task) {
                schedule(Duration.ZERO, task);
            }

            @Override
            public Timer schedule(Duration delay, Runnable task) {
                return shared.schedule(delay, () -> {
                    if (!viewClosed) {
                        task.run();
                    }
                });
            }

            @Override
            public boolean isSchedulerThread() {
                return true;
            }

            @Override
            public void close() {
                viewClosed = true;
            }
        };
    }

    public int pendingTasks() {
        return (int) queue.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
