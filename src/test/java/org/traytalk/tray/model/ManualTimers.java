package org.traytalk.tray.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.traytalk.testing.FakeMessenger;

/** Virtual time: a clock and one-shot timers that run only when the test advances. */
public final class ManualTimers implements TrayTimers {
    private record Task(Instant due, long seq, Runnable action, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private Instant now = FakeMessenger.T0;
    private long seq;

    final Clock clock = new Clock() {
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
            return now;
        }
    };

    @Override
    public Pending after(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now.plus(delay), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    Instant now() {
        return now;
    }

    /** Moves time forward, running each due task at its due time, in order. */
    public void advance(Duration by) {
        Instant until = now.plus(by);
        while (true) {
            Task next = tasks.stream().filter(t -> !t.due().isAfter(until))
                    .min(Comparator.comparing(Task::due).thenComparing(Task::seq)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = next.due();
            if (!next.cancelled()[0]) {
                next.action().run();
            }
        }
        now = until;
    }

    public long pending() {
        return tasks.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
