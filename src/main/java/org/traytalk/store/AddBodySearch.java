package org.traytalk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 2: an FTS5 index over message bodies. New rows are indexed in bulk before a search
 * ({@link SearchIndex}) rather than by an insert trigger: a trigger would write an FTS segment on every
 * commit and halve the engine's message rate. The triggers keep already-indexed rows right if ever changed.
 */
final class AddBodySearch implements Migration {

    @Override
    public int toVersion() {
        return 2;
    }

    @Override
    public void apply(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            // external content: the text lives once, in messages
            sql.execute("""
                    CREATE VIRTUAL TABLE messages_search USING fts5 (
                      body, content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')""");
            sql.execute("INSERT INTO meta (name, value) VALUES ('" + SearchIndex.INDEXED_TO + "', 0)");
            String indexed = "old.id <= (SELECT value FROM meta WHERE name = '" + SearchIndex.INDEXED_TO + "')";
            sql.execute("CREATE TRIGGER messages_search_delete AFTER DELETE ON messages WHEN " + indexed + """
                     BEGIN
                      INSERT INTO messages_search (messages_search, rowid, body) VALUES ('delete', old.id, old.body);
                    END""");
            sql.execute("CREATE TRIGGER messages_search_update AFTER UPDATE OF body ON messages WHEN " + indexed + """
                     BEGIN
                      INSERT INTO messages_search (messages_search, rowid, body) VALUES ('delete', old.id, old.body);
                      INSERT INTO messages_search (rowid, body) VALUES (new.id, new.body);
                    END""");
        }
    }
}
