package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.traytalk.store.StoreFiles.T0;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.model.HistoryQuery;

class UpkeepTest {
    private static final String THREAD = "traytalk-store-upkeep";

    @TempDir
    Path dir;

    @Test
    void newMessagesGoIntoTheSearchIndexWithoutASearchAndTheThreadEndsWhenIdle() throws Exception {
        Path file = dir.resolve("h.db");
        try (SqliteMessageStore store = StoreFiles.open(file)) {
            store.batch(() -> {
                for (int i = 0; i < 3 * Upkeep.SLICE + 7; i++) {
                    store.saveInbound("Bob", null, i, "report number " + i, false, T0, T0);
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> indexedTo(file) == newest(file));
            assertThat(store.history(new HistoryQuery(null, "number 6006", 10))).hasSize(1);
        }

        // the same upkeep on its own, with a short idle time: its thread goes once there is nothing left to do
        try (Upkeep upkeep = new Upkeep(new WalCheckpointer(new DatabaseFile(file, Duration.ofSeconds(1), false).open(),
                1), new StoreErrors(file, Duration.ofSeconds(1)), Duration.ofMillis(20), Duration.ofMillis(200))) {
            upkeep.written();
            await().atMost(Duration.ofSeconds(5)).until(() -> threadRuns(THREAD));
            await().atMost(Duration.ofSeconds(10)).until(() -> !threadRuns(THREAD));
        }
    }

    @Test
    void aSearchFindsWhatTheBackgroundHasNotIndexedYet() {
        try (SqliteMessageStore store = StoreFiles.open(dir.resolve("h.db"))) {
            store.saveInbound("Bob", null, 1, "the budget figures", false, T0, T0);
            // at once, before any turn of the upkeep: the search indexes what is missing first
            assertThat(store.history(new HistoryQuery(null, "budget", 10))).extracting(m -> m.body())
                    .containsExactly("the budget figures");
        }
    }

    private static boolean threadRuns(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static long indexedTo(Path file) throws SQLException {
        return number(file, "SELECT value FROM meta WHERE name = '" + SearchIndex.INDEXED_TO + "'");
    }

    private static long newest(Path file) throws SQLException {
        return number(file, "SELECT max(id) FROM messages");
    }

    private static long number(Path file, String query) throws SQLException {
        try (Connection c = StoreFiles.raw(file); Statement sql = c.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}
