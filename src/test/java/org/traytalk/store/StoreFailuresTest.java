package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.traytalk.store.StoreFiles.T0;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.model.HistoryQuery;

class StoreFailuresTest {
    @TempDir
    Path dir;

    @Test
    void randomBytesAreReportedAsDamagedAndNotOverwritten() throws Exception {
        Path file = dir.resolve("garbage.db");
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);

        assertThatThrownBy(() -> StoreFiles.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged")
                .hasMessageContaining("will not overwrite")
                .hasMessageContaining("Move the file aside");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void damagedPagesBehindAValidHeaderAreReportedAsDamaged() throws Exception {
        Path file = dir.resolve("torn.db");
        try (MessageStore store = StoreFiles.open(file)) {
            for (int i = 0; i < 200; i++) {
                store.saveInbound("Ann", null, i, "message number " + i, false, T0, T0);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        byte[] noise = new byte[bytes.length - 4096];
        new Random(3).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, 4096, noise.length); // keep page 1 (header and schema), ruin the rest
        Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);

        assertThatThrownBy(() -> {
            try (MessageStore store = StoreFiles.open(file)) {
                store.history(HistoryQuery.latest(1000));
            }
        }).isInstanceOf(StoreException.class).hasMessageContaining(file.toString()).hasMessageContaining("damaged");
    }

    @Test
    void writeBlockedByAnotherProgramFailsClearlyAfterTheBusyTimeout() throws Exception {
        Path file = dir.resolve("locked.db");
        try (MessageStore store = SqliteMessageStore.open(file, StoreFiles.CLOCK, new Random(1));
             Connection other = StoreFiles.raw(file); Statement otherSql = other.createStatement()) {
            otherSql.execute("BEGIN EXCLUSIVE");
            otherSql.execute("INSERT INTO meta (name, value) VALUES ('held', 1)");

            long start = System.nanoTime();
            assertThatThrownBy(() -> store.saveInbound("Ann", null, 1, "blocked", false, T0, T0))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("locked by another program")
                    .hasMessageContaining("3000 ms");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isBetween(SqliteMessageStore.BUSY_TIMEOUT.minusMillis(500),
                    SqliteMessageStore.BUSY_TIMEOUT.plusSeconds(3));

            assertThat(store.history(HistoryQuery.latest(5))).isEmpty(); // reading still works beside the writer
            otherSql.execute("ROLLBACK");
            assertThat(store.saveInbound("Ann", null, 1, "now it works", false, T0, T0)).isPresent();
        }
    }

    @Test
    void readOnlyOpenReportsReadOnly() throws Exception {
        // root ignores file modes, so the test opens the connection read-only (SQLITE_OPEN_READONLY) instead
        Path file = dir.resolve("readonly.db");
        StoreFiles.open(file).close();

        try (MessageStore store = StoreFiles.open(file, Duration.ofMillis(200), true)) {
            assertThat(store.peers()).isEmpty();
            assertThatThrownBy(() -> store.saveInbound("Ann", null, 1, "x", false, T0, T0))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("read-only");
        }
    }

    @Test
    void readOnlyFileReportsReadOnlyForOrdinaryUsers() throws Exception {
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("chmod.db");
        StoreFiles.open(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeThat(Files.isWritable(file)).as("root can write anyway").isFalse();
            assertThatThrownBy(() -> {
                try (MessageStore store = StoreFiles.open(file)) {
                    store.saveInbound("Ann", null, 1, "x", false, T0, T0);
                }
            }).isInstanceOf(StoreException.class).hasMessageContaining(file.toString());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void databaseAndItsCompanionsArePrivateToTheUser() throws Exception {
        assumeThat(dir.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Path file = dir.resolve("private.db");
        try (MessageStore store = StoreFiles.open(file)) {
            store.saveOutgoing("Bob", false, 1, "secret", List.of("Bob"), T0);
            for (String name : List.of("private.db", "private.db-wal", "private.db-shm")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                        .as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void uncreatableFolderIsReportedWithTheFile() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path file = blocker.resolve("history.db");

        assertThatThrownBy(() -> StoreFiles.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }
}
