package org.traytalk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Version 2: an FTS5 index over message bodies, kept in step by triggers and filled from existing rows. */
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
            sql.execute("""
                    CREATE TRIGGER messages_search_insert AFTER INSERT ON messages BEGIN
                      INSERT INTO messages_search (rowid, body) VALUES (new.id, new.body);
                    END""");
            sql.execute("""
                    CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
                      INSERT INTO messages_search (messages_search, rowid, body) VALUES ('delete', old.id, old.body);
                    END""");
            sql.execute("""
                    CREATE TRIGGER messages_search_update AFTER UPDATE OF body ON messages BEGIN
                      INSERT INTO messages_search (messages_search, rowid, body) VALUES ('delete', old.id, old.body);
                      INSERT INTO messages_search (rowid, body) VALUES (new.id, new.body);
                    END""");
            sql.execute("INSERT INTO messages_search (messages_search) VALUES ('rebuild')");
        }
    }
}
