package org.traytalk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/** Brings a database to the newest schema; the version lives in {@code PRAGMA user_version}. */
final class Migrations {
    private final List<Migration> steps;

    Migrations(List<Migration> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).toVersion() != i + 1) {
                throw new IllegalArgumentException("migration " + i + " must lead to version " + (i + 1));
            }
        }
        this.steps = List.copyOf(steps);
    }

    static Migrations standard(Clock clock) {
        return new Migrations(List.of(new CreateCoreTables(clock), new AddBodySearch(), new AddConversations(),
                new AddIdentities()));
    }

    int latestVersion() {
        return steps.size();
    }

    /** Applies the missing steps in one transaction: a failed step leaves the old schema in place. */
    void migrate(Connection connection, Path file) throws SQLException {
        if (checkedVersion(connection, file) == latestVersion()) {
            return; // the common case takes no write lock, so opening works beside a busy writer
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("BEGIN IMMEDIATE");
            try {
                int version = checkedVersion(connection, file); // another process may have migrated meanwhile
                for (Migration step : steps.subList(version, steps.size())) {
                    step.apply(connection);
                    sql.execute("PRAGMA user_version = " + step.toVersion());
                }
                sql.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                sql.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private int checkedVersion(Connection connection, Path file) throws SQLException {
        int version = version(connection);
        if (version > latestVersion()) {
            throw new StoreException("The message database " + file + " was written by a newer TrayTalk (schema version "
                    + version + "; this version knows up to " + latestVersion() + "). Update TrayTalk, or move the file "
                    + "aside to start a new history with this version.");
        }
        return version;
    }

    static int version(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("PRAGMA user_version")) {
            row.next();
            return row.getInt(1);
        }
    }
}
