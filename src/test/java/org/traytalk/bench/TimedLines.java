package org.traytalk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** What a program prints, line by line, each with the moment it was read: for timing events across processes. */
final class TimedLines {
    record Line(long nanos, String text) {
    }

    private final String name;
    private final List<Line> lines = new ArrayList<>();

    private TimedLines(String name) {
        this.name = name;
    }

    /** Reads {@code out} on a daemon thread until it ends. */
    static TimedLines follow(String name, InputStream out) {
        TimedLines t = new TimedLines(name);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (t.lines) {
                        t.lines.add(new Line(System.nanoTime(), line));
                        t.lines.notifyAll();
                    }
                }
            } catch (IOException ended) {
                // the program ended
            }
        }, "bench-read-" + name);
        reader.setDaemon(true);
        reader.start();
        return t;
    }

    /** The first line read at or after {@code since} that matches; fails with what was printed when none comes. */
    Line await(String what, long since, Predicate<String> match, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        synchronized (lines) {
            while (true) {
                for (Line l : lines) {
                    if (l.nanos() >= since && match.test(l.text())) {
                        return l;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(name + " did not print " + what + " within " + timeoutSeconds
                            + " s; it printed:\n" + String.join("\n", texts()));
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** What was read so far, with when. */
    List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    List<String> texts() {
        synchronized (lines) {
            return lines.stream().map(Line::text).toList();
        }
    }
}
