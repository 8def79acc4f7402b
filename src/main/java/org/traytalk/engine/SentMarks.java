package org.traytalk.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.store.StoreException;

/**
 * "Sent" marks wait a moment and are written together, in one commit. On a LAN the receipt mostly comes first and
 * makes the mark moot, so a message costs its sender two commits (two disk syncs) instead of three. A mark lost to a
 * crash costs nothing: the message is still unconfirmed on disk and goes out again. Engine thread only.
 */
final class SentMarks {
    private static final Logger LOG = LoggerFactory.getLogger(SentMarks.class);
    static final Duration DELAY = Duration.ofMillis(100);

    private final Scheduler scheduler;
    private final AfterCommit afterCommit;
    private final List<Runnable> waiting = new ArrayList<>();
    private Scheduler.Timer timer;

    SentMarks(Scheduler scheduler, AfterCommit afterCommit) {
        this.scheduler = scheduler;
        this.afterCommit = afterCommit;
    }

    /** The mark is written within {@link #DELAY}, with every other mark made meanwhile. */
    void later(Runnable mark) {
        waiting.add(mark);
        if (timer == null) {
            timer = scheduler.schedule(DELAY, this::write);
        }
    }

    /** Writes what waits now: when the delay is over, and at shutdown, so a clean stop keeps every mark. */
    void write() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (waiting.isEmpty()) {
            return;
        }
        List<Runnable> marks = List.copyOf(waiting);
        waiting.clear();
        try {
            afterCommit.batch(() -> {
                marks.forEach(Runnable::run);
                return null;
            });
        } catch (StoreException e) {
            LOG.warn("Could not record that {} messages were sent ({}); they stay unconfirmed and go out again",
                    marks.size(), e.getMessage());
        }
    }
}
