package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits survive a power cut; the write-ahead log stays bounded while busy and is truncated once quiet. */
class DurableLogTest {
    private static final int QUIET_TURNS = 3;

    @TempDir
    Path dir;

    @Test
    void everyCommitIsSyncedToTheDisk() throws Exception {
        try (Connection c = new DatabaseFile(dir.resolve("h.db"), Duration.ofSeconds(1), false).open();
             Statement sql = c.createStatement()) {
            assertThat(pragma(sql, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(sql, "synchronous")).as("FULL: the log is synced at each commit").isEqualTo("2");
            assertThat(pragma(sql, "fullfsync")).as("F_FULLFSYNC where the system has it (macOS)").isEqualTo("1");
            assertThat(pragma(sql, "journal_size_limit")).isEqualTo(String.valueOf(DatabaseFile.WAL_SIZE_LIMIT));
        }
    }

    @Test
    void theLogIsTruncatedOnlyAfterEnoughQuietTurns() throws Exception {
        DatabaseFile database = new DatabaseFile(dir.resolve("h.db"), Duration.ofSeconds(1), false);
        try (Connection writer = writer(database);
             WalCheckpointer checkpointer = new WalCheckpointer(database.open(), QUIET_TURNS)) {
            write(writer, 200, 1000);
            checkpointer.turn(); // a write happened: checkpointed, kept for the next writes
            assertThat(walSize(database)).isPositive();
            for (int turn = 1; turn < QUIET_TURNS; turn++) {
                checkpointer.turn();
                assertThat(walSize(database)).as("quiet turn " + turn).isPositive();
            }
            checkpointer.turn();
            assertThat(walSize(database)).isZero();

            write(writer, 10, 1000);
            assertThat(walSize(database)).isPositive();
            for (int turn = 0; turn < 2 * QUIET_TURNS; turn++) {
                write(writer, 1, 100); // never quiet: never truncated under the writer
                checkpointer.turn();
                assertThat(walSize(database)).isPositive();
            }
            for (int turn = 0; turn <= QUIET_TURNS; turn++) {
                checkpointer.turn();
            }
            assertThat(walSize(database)).isZero();
            assertThat(count(writer)).isEqualTo(200 + 10 + 2 * QUIET_TURNS);
        }
    }

    @Test
    void aReaderInTheWayPostponesTheTruncationWithoutWaiting() throws Exception {
        DatabaseFile database = new DatabaseFile(dir.resolve("h.db"), Duration.ofSeconds(1), false);
        try (Connection writer = writer(database);
             Connection reader = database.open();
             WalCheckpointer checkpointer = new WalCheckpointer(database.open(), 1)) {
            write(writer, 50, 1000);
            reader.setAutoCommit(false);
            try (Statement sql = reader.createStatement(); ResultSet rows = sql.executeQuery("SELECT * FROM t")) {
                rows.next(); // holds a snapshot that uses the log
                write(writer, 50, 1000);
                checkpointer.turn();
                long start = System.nanoTime();
                checkpointer.turn();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
                assertThat(walSize(database)).isPositive();
            }
            reader.commit();
            checkpointer.turn();
            assertThat(walSize(database)).isZero();
        }
    }

    @Test
    void aBusySpellLeavesAtMostTheSizeLimitBehind() throws Exception {
        DatabaseFile database = new DatabaseFile(dir.resolve("h.db"), Duration.ofSeconds(1), false);
        try (Connection writer = writer(database);
             WalCheckpointer checkpointer = new WalCheckpointer(database.open(), Integer.MAX_VALUE)) {
            write(writer, 1, 2 * DatabaseFile.WAL_SIZE_LIMIT); // one commit twice the limit
            assertThat(walSize(database)).isGreaterThan(DatabaseFile.WAL_SIZE_LIMIT);
            checkpointer.turn();
            write(writer, 1, 100); // the log starts over here and is cut back to the limit
            assertThat(walSize(database)).isLessThanOrEqualTo(DatabaseFile.WAL_SIZE_LIMIT);
        }
    }

    /** A connection like the store's: automatic checkpoints off. */
    private static Connection writer(DatabaseFile database) throws SQLException {
        Connection c = database.open();
        try (Statement sql = c.createStatement()) {
            sql.execute("PRAGMA wal_autocheckpoint = 0");
            sql.execute("CREATE TABLE IF NOT EXISTS t (b BLOB)");
        }
        return c;
    }

    /** {@code rows} rows of {@code bytes} bytes each, in one commit. */
    private static void write(Connection c, int rows, int bytes) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO t (b) VALUES (?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setBytes(1, new byte[bytes]);
                insert.executeUpdate();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static long count(Connection c) throws SQLException {
        try (Statement sql = c.createStatement(); ResultSet row = sql.executeQuery("SELECT count(*) FROM t")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String pragma(Statement sql, String name) throws SQLException {
        try (ResultSet row = sql.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static long walSize(DatabaseFile database) throws Exception {
        Path wal = database.path().resolveSibling(database.path().getFileName() + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }
}
