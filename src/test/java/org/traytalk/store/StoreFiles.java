package org.traytalk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Opening stores and raw connections on test files. */
final class StoreFiles {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00.123456789Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private StoreFiles() {
    }

    static SqliteMessageStore open(Path file) {
        return open(file, new SplittableRandom(42));
    }

    static SqliteMessageStore open(Path file, RandomGenerator random) {
        return (SqliteMessageStore) SqliteMessageStore.open(file, CLOCK, random);
    }

    static SqliteMessageStore open(Path file, Duration busyTimeout, boolean readOnly) {
        return SqliteMessageStore.open(new DatabaseFile(file, busyTimeout, readOnly), Migrations.standard(CLOCK),
                new SplittableRandom(42));
    }

    /** A second, independent connection, as another program would have. */
    static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }
}
