package org.traytalk.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite failures into messages that name the file, say what happened and what the user can do. */
final class StoreErrors {
    private final Path file;
    private final Duration busyTimeout;

    StoreErrors(Path file, Duration busyTimeout) {
        this.file = file;
        this.busyTimeout = busyTimeout;
    }

    StoreException translate(SQLException e, String doing) {
        return new StoreException(describe(primaryCode(e), doing, e.getMessage()), e);
    }

    /** Extended codes (e.g. SQLITE_BUSY_SNAPSHOT) carry their primary code in the low byte. */
    static int primaryCode(SQLException e) {
        int code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code : e.getErrorCode();
        return code & 0xFF;
    }

    private String describe(int code, String doing, String detail) {
        String what = "TrayTalk could not " + doing + ": ";
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return what + "the message database " + file + " is locked by another program (still locked after "
                    + busyTimeout.toMillis() + " ms). Close any other TrayTalk running with this data folder, "
                    + "or the program holding the file, and try again.";
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY.code || code == SQLiteErrorCode.SQLITE_PERM.code) {
            return what + "the message database " + file + " is read-only (the file or its folder is not writable). "
                    + "Make both writable for your user, or start TrayTalk with another data folder.";
        }
        if (code == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return what + "the message database " + file + " cannot be opened. Check that its folder exists and "
                    + "that your user may read and write both the folder and the file.";
        }
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return what + "the disk holding the message database " + file + " is full. Free some space and try "
                    + "again; nothing was half-written.";
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return what + "the message database " + file + " is damaged or is not a TrayTalk database. TrayTalk will "
                    + "not overwrite it. Move the file aside (rename it, keep it if you want to try recovering it) "
                    + "and start TrayTalk again to begin a new history.";
        }
        if (code == SQLiteErrorCode.SQLITE_IOERR.code) {
            return what + "reading or writing the message database " + file + " failed (" + detail + "). "
                    + "Check the disk and that the file is not on a disconnected drive, then try again.";
        }
        return what + "the message database " + file + " reported an error (" + detail + "). "
                + "If it happens again, move the file aside and report the problem.";
    }
}
