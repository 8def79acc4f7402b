package org.traytalk.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Opens the SQLite file: private to the user, WAL journal, foreign keys on, a busy timeout, and commits that survive a
 * power cut (a receipt may only leave once its message is there for good).
 */
final class DatabaseFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** What a checkpoint leaves of the log after a busy spell; idle, the checkpointer truncates it to nothing. */
    static final int WAL_SIZE_LIMIT = 8 * 1024 * 1024;

    private final Path file;
    private final Duration busyTimeout;
    private final boolean readOnly;
    private final StoreErrors errors;

    DatabaseFile(Path file, Duration busyTimeout, boolean readOnly) {
        this.file = file;
        this.busyTimeout = busyTimeout;
        this.readOnly = readOnly;
        this.errors = new StoreErrors(file, busyTimeout);
    }

    Path path() {
        return file;
    }

    boolean readOnly() {
        return readOnly;
    }

    StoreErrors errors() {
        return errors;
    }

    Connection open() {
        if (!readOnly) {
            createPrivately();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(Math.toIntExact(busyTimeout.toMillis()));
        config.enforceForeignKeys(true);
        // NORMAL syncs the log only at checkpoints, so a power cut can undo a commit whose receipt already left;
        // FULL syncs it at every commit (one sync per burst, as the engine commits in bursts)
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setJournalSizeLimit(WAL_SIZE_LIMIT);
        // inserts say their row id with RETURNING; the driver's own lookup after every insert cost a tenth of a send
        config.setGetGeneratedKeys(false);
        config.setReadOnly(readOnly);
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file);
            syncThroughTheDriveCache(connection);
            if (!readOnly) {
                useWriteAheadLog(connection);
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw errors.translate(e, "open the message database");
        }
    }

    private void useWriteAheadLog(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet mode = sql.executeQuery("PRAGMA journal_mode = WAL")) {
            mode.next(); // reading the header here is what reports a damaged file
        }
        restrictToOwner(file.resolveSibling(file.getFileName() + "-wal"));
        restrictToOwner(file.resolveSibling(file.getFileName() + "-shm"));
    }

    /** macOS: fsync alone leaves the data in the drive's cache; F_FULLFSYNC does not (elsewhere the flag does nothing). */
    private static void syncThroughTheDriveCache(Connection connection) throws SQLException {
        // SQLiteConfig.enableFullSync sets a pragma "fullsync", which SQLite does not know
        try (Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA fullfsync = ON");
        }
    }

    /** Created before SQLite sees it, so the history is never readable by others, not even for a moment. */
    private void createPrivately() {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (supportsPosix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException existing) {
            // an existing history is opened as it is
        } catch (IOException e) {
            throw new StoreException("TrayTalk could not create the message database " + file + " (" + e
                    + "). Check that the folder is writable for your user, or start TrayTalk with another data folder.", e);
        }
    }

    /** SQLite gives -wal and -shm the database file's mode already; this also covers files left from older runs. */
    private void restrictToOwner(Path companion) {
        if (!supportsPosix() || !Files.exists(companion)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(companion);
            permissions.retainAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            Files.setPosixFilePermissions(companion, permissions);
        } catch (IOException | SecurityException notOurs) {
            // a file owned by someone else keeps its mode; SQLite reports if it cannot use it
        }
    }

    private boolean supportsPosix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the open failure is the one worth reporting
        }
    }
}
