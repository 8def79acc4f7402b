package org.traytalk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log into the database with a connection of its own, in turns taken by {@link Upkeep} off
 * the engine's thread, so the engine's commits never wait for the disk syncs a checkpoint does. The engine's
 * connection has automatic checkpoints off; a passive checkpoint never blocks it. Once nothing was written for a few
 * turns the log is truncated to nothing, so a burst does not leave a log of its size on disk for good.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Connection connection;
    private final int quietTurnsBeforeTruncate;
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

    /** The connection the turns use; the search index is kept current over it too. */
    Connection connection() {
        return connection;
    }

    /**
     * Checkpoints what the engine committed since the last turn, or truncates the log once it has been quiet.
     * True while more turns are wanted: until the log was truncated after the last write.
     */
    boolean turn() {
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
        return !truncated;
    }

    /**
     * This connection wrote (the search index): a passive checkpoint now, and the log is truncated again once quiet,
     * so indexing a large history never leaves a log of its size behind.
     */
    void wroteItself() {
        truncated = false;
        try (Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            LOG.warn("Background checkpoint of the message database failed: {}", e.getMessage());
        }
    }

    /** Nothing was written since the last turn. */
    boolean quiet() {
        return quietTurns > 0;
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

    /** Folds the whole log into the database, leaving an empty log behind, and closes the connection. */
    @Override
    public void close() {
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
