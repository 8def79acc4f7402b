package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Direction;
import org.traytalk.model.HistoryQuery;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void newFileIsCreatedAtTheLatestVersion() throws Exception {
        Path file = dir.resolve("sub/folder/new.db");
        StoreFiles.open(file).close();

        try (Connection c = StoreFiles.raw(file)) {
            assertThat(Migrations.version(c)).isEqualTo(Migrations.standard(StoreFiles.CLOCK).latestVersion());
        }
    }

    @Test
    void emptyFileIsMigratedFromScratch() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.db"));

        try (MessageStore store = StoreFiles.open(file)) {
            store.saveInbound("Ann", null, 1, "first words", false, StoreFiles.T0, StoreFiles.T0);
            assertThat(store.history(new HistoryQuery(null, "words", 5))).hasSize(1);
        }
    }

    @Test
    void reopeningAtTheLatestVersionChangesNothing() throws Exception {
        Path file = dir.resolve("same.db");
        StoreFiles.open(file).close();
        StoreFiles.open(file).close();

        try (Connection c = StoreFiles.raw(file)) {
            assertThat(Migrations.version(c)).isEqualTo(Migrations.standard(StoreFiles.CLOCK).latestVersion());
        }
    }

    @Test
    void versionOneDatabaseGainsSearchOverItsExistingMessages() throws Exception {
        Path file = dir.resolve("v1.db");
        StoreFiles.olderVersion(file, List.of(new CreateCoreTables(StoreFiles.CLOCK)), List.of(StoreFiles.stored(
                Direction.INBOUND, "Ann", 1, "written before search existed", false)));
        try (Connection c = StoreFiles.raw(file)) {
            assertThat(Migrations.version(c)).isEqualTo(1);
        }

        try (MessageStore store = StoreFiles.open(file)) {
            List<ChatMessage> found = store.history(new HistoryQuery(null, "existed", 5));
            assertThat(found).extracting(ChatMessage::body).containsExactly("written before search existed");
        }
    }

    @Test
    void databaseFromANewerVersionIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("future.db");
        StoreFiles.open(file).close();
        try (Connection c = StoreFiles.raw(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> StoreFiles.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("newer TrayTalk")
                .hasMessageContaining("99");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void failingStepLeavesTheOldSchema() throws Exception {
        Path file = dir.resolve("broken-step.db");
        Migration broken = new Migration() {
            @Override
            public int toVersion() {
                return 2;
            }

            @Override
            public void apply(Connection connection) throws SQLException {
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TABLE half_done (x)");
                    s.execute("THIS IS NOT SQL");
                }
            }
        };
        Migrations steps = new Migrations(List.of(new CreateCoreTables(StoreFiles.CLOCK), broken));
        DatabaseFile database = new DatabaseFile(file, SqliteMessageStore.BUSY_TIMEOUT, false);

        assertThatThrownBy(() -> SqliteMessageStore.open(database, steps, new SplittableRandom(1)))
                .isInstanceOf(StoreException.class).hasMessageContaining(file.toString());
        try (Connection c = StoreFiles.raw(file);
             var tables = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master")) {
            assertThat(Migrations.version(c)).isZero();
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }

    @Test
    void stepsMustBeNumberedInOrder() {
        assertThatThrownBy(() -> new Migrations(List.of(new AddBodySearch())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
