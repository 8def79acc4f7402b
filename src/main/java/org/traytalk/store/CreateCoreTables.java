package org.traytalk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

/** Version 1: messages, receipts, peers and the meta counters. */
final class CreateCoreTables implements Migration {
    private final Clock clock;

    CreateCoreTables(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int toVersion() {
        return 1;
    }

    @Override
    public void apply(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID");
            sql.execute("INSERT INTO meta (name, value) VALUES ('created_at', " + Times.toNanos(clock.instant()) + ")");
            sql.execute("""
                    CREATE TABLE messages (
                      id         INTEGER PRIMARY KEY,
                      direction  TEXT    NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
                      peer       TEXT    NOT NULL,
                      peer_key   TEXT    NOT NULL,
                      wire_id    INTEGER NOT NULL,
                      body       TEXT    NOT NULL,
                      broadcast  INTEGER NOT NULL CHECK (broadcast IN (0, 1)),
                      created_at INTEGER NOT NULL,
                      updated_at INTEGER NOT NULL,
                      state      TEXT    NOT NULL)""");
            // duplicate detection for saveInbound
            sql.execute("""
                    CREATE INDEX messages_inbound_by_sender ON messages (peer_key, wire_id, created_at)
                      WHERE direction = 'INBOUND'""");
            sql.execute("CREATE INDEX messages_outbound_by_wire_id ON messages (wire_id) WHERE direction = 'OUTBOUND'");
            // small: holds only the outbox; history is listed in row order, so no index on time is needed
            sql.execute("""
                    CREATE INDEX messages_pending ON messages (state)
                      WHERE direction = 'OUTBOUND' AND state IN ('QUEUED', 'SENT')""");
            sql.execute("CREATE INDEX messages_by_peer ON messages (peer_key, broadcast)");
            sql.execute("""
                    CREATE TABLE receipts (
                      message_id   INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
                      peer         TEXT    NOT NULL,
                      peer_key     TEXT    NOT NULL,
                      state        TEXT    NOT NULL,
                      confirmed_at INTEGER,
                      PRIMARY KEY (message_id, peer_key)) WITHOUT ROWID""");
            sql.execute("""
                    CREATE TABLE peers (
                      name_key    TEXT PRIMARY KEY,
                      name        TEXT    NOT NULL,
                      carrier     TEXT,
                      address     TEXT,
                      last_seen   INTEGER,
                      instance_id INTEGER NOT NULL,
                      online      INTEGER NOT NULL CHECK (online IN (0, 1))) WITHOUT ROWID""");
        }
    }
}
