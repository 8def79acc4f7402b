package org.traytalk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The Swing thread's wall-clock times over a span, from the lines {@link EventThreadProbe} wrote. */
record EventThreadTimes(long busyNanos, long longestNanos, long lateNanos) {

    /** One line of the probe's file: when, busy since the start, longest dispatch and wait since the last line. */
    record Tick(long millis, long busyNanos, long longestNanos, long lateNanos) {
    }

    /** The probe's lines, once it has written one at or after {@code until} (a minute at most). */
    static List<Tick> ticks(Path file, long until) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            List<Tick> ticks = read(file);
            if (!ticks.isEmpty() && ticks.get(ticks.size() - 1).millis() >= until) {
                return ticks;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(file + " has no line after " + until + " (the probe stopped?)");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(EventThreadProbe.TICK_MS));
        }
    }

    private static List<Tick> read(Path file) throws IOException {
        try {
            return Files.readAllLines(file).stream().map(l -> l.split(" ")).filter(f -> f.length == 4)
                    .map(f -> new Tick(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                            Long.parseLong(f[3]))).toList();
        } catch (NoSuchFileException notYet) {
            return List.of();
        }
    }

    /** Busy time between the last lines before {@code from} and before {@code to}; longest of the lines between. */
    static EventThreadTimes between(List<Tick> ticks, long from, long to) {
        Tick first = null;
        Tick last = null;
        long longest = 0;
        long late = 0;
        for (Tick t : ticks) {
            if (t.millis() <= from) {
                first = t;
            } else if (t.millis() <= to) {
                last = t;
                longest = Math.max(longest, t.longestNanos());
                late = Math.max(late, t.lateNanos());
            }
        }
        if (first == null || last == null) {
            throw new IllegalArgumentException("the probe has no lines around " + from + ".." + to);
        }
        return new EventThreadTimes(last.busyNanos() - first.busyNanos(), longest, late);
    }

    @Override
    public String toString() {
        return String.format("busy %.0f ms (longest %.0f ms; probe waited at most %.0f ms)", busyNanos / 1e6,
                longestNanos / 1e6, lateNanos / 1e6);
    }
}
