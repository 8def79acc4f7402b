package org.traytalk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Version 4: who is who. The identity pinned to each name (trust on first use), identities that turned up later
 * under a pinned name, the messages they sent (held apart until the user accepts them), the identity of each
 * received message's sender (duplicates are recognised per identity, so nobody can pre-empt a peer's ids), and the
 * high-water mark of this node's announcement sequence.
 */
final class AddIdentities implements Migration {

    @Override
    public int toVersion() {
        return 4;
    }

    @Override
    public void apply(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TABLE pins (
                      name_key  TEXT PRIMARY KEY,
                      name      TEXT    NOT NULL,
                      signing   BLOB    NOT NULL,
                      agreement BLOB    NOT NULL,
                      pinned_at INTEGER NOT NULL) WITHOUT ROWID""");
            sql.execute("""
                    CREATE TABLE key_offers (
                      name_key   TEXT    NOT NULL,
                      name       TEXT    NOT NULL,
                      signing    BLOB    NOT NULL,
                      agreement  BLOB    NOT NULL,
                      first_seen INTEGER NOT NULL,
                      last_seen  INTEGER NOT NULL,
                      PRIMARY KEY (name_key, agreement)) WITHOUT ROWID""");
            sql.execute("""
                    CREATE TABLE held (
                      id          INTEGER PRIMARY KEY,
                      name_key    TEXT    NOT NULL,
                      name        TEXT    NOT NULL,
                      agreement   BLOB    NOT NULL,
                      wire_id     INTEGER NOT NULL,
                      body        TEXT    NOT NULL,
                      broadcast   INTEGER NOT NULL CHECK (broadcast IN (0, 1)),
                      received_at INTEGER NOT NULL,
                      UNIQUE (agreement, wire_id))""");
            // the fingerprint of a verified sender; NULL for the original program's messages and for outbound ones
            sql.execute("ALTER TABLE messages ADD COLUMN sender_key TEXT");
            sql.execute("""
                    CREATE INDEX messages_inbound_by_identity ON messages (sender_key, wire_id, created_at)
                      WHERE direction = 'INBOUND' AND sender_key IS NOT NULL""");
        }
    }
}
