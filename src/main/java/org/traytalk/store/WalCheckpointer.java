package org.traytalk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.concurrent.DaemonThreads;

/**
 * Copies the write-ahead log into the database on a thread of its own, with its own connection, so the
 * engine's commits never wait for the disk syncs a checkpoint does. The engine's connection has automatic
 * checkpoints off; a passive checkpoint never blocks it.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Connection connection;
    private final ScheduledExecutorService thread;

    WalCheckpointer(Connection connection, Duration interval) {
        this.connection = connection;
        this.thread = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("traytalk-store-checkpoint"));
        long millis = interval.toMillis();
        thread.scheduleWithFixedDelay(this::checkpoint, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try (Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            LOG.warn("Background checkpoint of the message database failed: {}", e.getMessage());
        }
    }

    /** Stops the thread and folds the whole log into the database, leaving an empty log behind. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.debug("Final checkpoint skipped: {}", e.getMessage());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the checkpoint connection: {}", e.getMessage());
        }
    }
}
