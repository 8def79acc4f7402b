package org.traytalk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 3: one row per conversation (a peer's direct messages, or {@code *} for every broadcast) with its newest
 * message and unread count, kept by the store as it saves messages, so the conversation list is one small read.
 * Messages stored before this version count as read: earlier versions kept unread counts only in memory.
 */
final class AddConversations implements Migration {

    @Override
    public int toVersion() {
        return 3;
    }

    @Override
    public void apply(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TABLE conversations (
                      key     TEXT    PRIMARY KEY,
                      name    TEXT    NOT NULL,
                      last_id INTEGER NOT NULL,
                      unread  INTEGER NOT NULL CHECK (unread >= 0),
                      read_to INTEGER NOT NULL) WITHOUT ROWID""");
            // SQLite takes a bare column (peer) from the row that holds MAX(id)
            sql.execute("""
                    INSERT INTO conversations (key, name, last_id, unread, read_to)
                      SELECT conversation, CASE WHEN conversation = '*' THEN '*' ELSE peer END, MAX(id), 0, MAX(id)
                      FROM (SELECT CASE WHEN broadcast = 1 THEN '*' ELSE peer_key END AS conversation, peer, id
                            FROM messages)
                      GROUP BY conversation""");
        }
    }
}
