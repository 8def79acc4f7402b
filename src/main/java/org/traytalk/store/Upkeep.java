package org.traytalk.store;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.concurrent.DaemonThreads;

/**
 * The database's background work, done in turns on a thread that exists only while there is some: after writes,
 * the log is checkpointed and, once quiet, truncated ({@link WalCheckpointer}); while the store is quiet, new
 * messages go into the full-text index a slice at a time, so a search seldom has to index them first. An idle
 * TrayTalk neither wakes up for the store nor keeps a thread for it.
 */
final class Upkeep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Upkeep.class);
    /** Messages indexed per transaction: the engine waits for at most one slice. */
    static final int SLICE = 2_000;

    private final WalCheckpointer checkpointer;
    private final SqlSession session;
    private final SearchIndex index;
    private final Duration interval;
    private final ScheduledThreadPoolExecutor thread =
            new ScheduledThreadPoolExecutor(1, new DaemonThreads("traytalk-store-upkeep"));
    private boolean scheduled;
    private boolean closed;

    /**
     * @param interval   the time between turns, and from a write to the first turn after it
     * @param idleThread how long the thread waits for more work before it ends
     */
    Upkeep(WalCheckpointer checkpointer, StoreErrors errors, Duration interval, Duration idleThread) {
        this.checkpointer = checkpointer;
        this.session = new SqlSession(checkpointer.connection(), errors);
        this.index = new SearchIndex(session);
        this.interval = interval;
        thread.setKeepAliveTime(idleThread.toMillis(), TimeUnit.MILLISECONDS);
        thread.allowCoreThreadTimeOut(true);
    }

    /** Something was committed (or the store was opened): turns follow until there is nothing left to do. */
    synchronized void written() {
        if (!scheduled && !closed) {
            scheduled = true;
            thread.schedule(this::turn, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void turn() {
        boolean more = checkpointer.turn();
        if (checkpointer.quiet()) {
            more |= indexSlice();
        }
        synchronized (this) {
            scheduled = false;
        }
        if (more) {
            written();
        }
    }

    /** One slice of new messages into the search index; true while more are waiting. */
    private boolean indexSlice() {
        try {
            if (!session.read("check the search index", index::isBehind)) {
                return false;
            }
            session.write("index new messages for search", () -> {
                index.catchUp(SLICE);
                return null;
            });
            checkpointer.wroteItself();
            return true;
        } catch (StoreException e) { // the engine holds the lock (this connection never waits): next turn
            LOG.debug("Search indexing postponed: {}", e.getMessage());
            return true;
        }
    }

    /** Waits for a running turn, then folds the log into the database and closes the connection. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpointer.close();
    }
}
