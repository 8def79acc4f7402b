package org.traytalk.store;

import java.sql.Connection;
import java.sql.ResultSet;
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
 * checkpoints off; a passive checkpoint never blocks it. Once nothing was written for a few turns the log is
 * truncated to nothing, so a burst does not leave a log of its size on disk for good.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Connection connection;
    private final int quietTurnsBeforeTruncate;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreads("traytalk-store-checkpoint"));
    private long seenVersion = -1;
    private int quietTurns;
    private boolean truncated;

    /**
     * @param connection               a connection of its own, used for nothing else; it never waits for a lock
     * @param quietTurnsBeforeTruncate turns without a write before the log is truncated
     */
    WalCheckpointer(Connection connection, int quietTurnsBeforeTruncate) throws SQLException {
        this.connection = connection;
        this.quietTurnsBeforeTruncate = quietTurnsBeforeTruncate;
        try (Statement sql = connection.createStatement()) {
            // a truncation waiting for the writer lock would hold up the engine's next commit: give up instead
            sql.execute("PRAGMA busy_timeout = 0");
        }
    }

    /** Takes a {@link #turn} every {@code interval} on the checkpoint thread. */
    void start(Duration interval) {
        long millis = interval.toMillis();
        thread.scheduleWithFixedDelay(this::turn, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Checkpoints what the engine committed since the last turn, or truncates the log once it has been quiet. */
    void turn() {
        try (Statement sql = connection.createStatement()) {
            long version = dataVersion(sql);
            if (version != seenVersion) {
                seenVersion = version;
                quietTurns = 0;
                truncated = false;
                sql.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } else if (!truncated && ++quietTurns >= quietTurnsBeforeTruncate) {
                truncated = checkpointed(sql, "TRUNCATE");
            }
        } catch (SQLException e) {
            LOG.warn("Background checkpoint of the message database failed: {}", e.getMessage());
        }
    }

    /** Changes whenever another connection committed. */
    private static long dataVersion(Statement sql) throws SQLException {
        try (ResultSet row = sql.executeQuery("PRAGMA data_version")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** True when the checkpoint finished; false when a reader or writer was in the way (tried again next turn). */
    private static boolean checkpointed(Statement sql, String mode) throws SQLException {
        try (ResultSet row = sql.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return row.next() && row.getInt(1) == 0;
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
            checkpointed(sql, "TRUNCATE");
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
