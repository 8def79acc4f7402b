package org.traytalk.bench;

import java.awt.AWTEvent;
import java.awt.EventQueue;
import java.awt.Toolkit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.traytalk.app.Main;

/**
 * Runs TrayTalk's {@code Main} with the Swing event thread timed in wall-clock time, for the stress benchmark:
 * {@code EventThreadProbe FILE ARGS...}. Once the app has started its event thread, every event is timed as it is
 * dispatched, and a probe event is posted every {@link #TICK_MS} ms (the next once the last has run). Each tick
 * appends {@code millis busy-ns longest-ns late-ns} to FILE: the wall-clock time, the time spent dispatching since
 * the start, the longest single dispatch and the longest wait of a probe event before it ran, both since the last
 * line. A modal dialog counts as busy while open; the tray opens none by itself.
 */
public final class EventThreadProbe extends EventQueue {
    static final int TICK_MS = 50;

    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong longest = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private int depth; // only the event thread dispatches

    private EventThreadProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Thread probe = new Thread(() -> watch(file), "event-thread-probe");
        probe.setDaemon(true);
        probe.start();
        Main.main(Arrays.copyOfRange(args, 1, args.length));
    }

    @Override
    protected void dispatchEvent(AWTEvent event) {
        long start = System.nanoTime();
        depth++;
        try {
            super.dispatchEvent(event);
        } finally {
            if (--depth == 0) {
                long took = System.nanoTime() - start;
                busy.addAndGet(took);
                longest.accumulateAndGet(took, Math::max);
            }
        }
    }

    private static void watch(Path file) {
        while (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("AWT-EventQueue"))) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MS)); // the app's toolkit, as it chose it
        }
        EventThreadProbe timed = new EventThreadProbe();
        Toolkit.getDefaultToolkit().getSystemEventQueue().push(timed);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file), true)) {
            AtomicLong posted = new AtomicLong();
            while (true) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MS));
                if (posted.get() == 0) {
                    posted.set(System.nanoTime());
                    EventQueue.invokeLater(() -> timed.late.accumulateAndGet(System.nanoTime()
                            - posted.getAndSet(0), Math::max));
                }
                out.printf("%d %d %d %d%n", System.currentTimeMillis(), timed.busy.get(), timed.longest.getAndSet(0),
                        timed.late.getAndSet(0));
            }
        } catch (IOException e) {
            System.err.println("event-thread-probe: cannot write " + file + ": " + e.getMessage());
        }
    }
}
