package org.traytalk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.traytalk.model.KeyPin;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerKey;

/** SQL for pinned identities, identities offered under a pinned name, and the messages held apart for them. */
final class KeyRows {
    /** A held message as stored. */
    record Held(String name, int wireId, String body, boolean broadcast, Instant receivedAt) {
    }

    /** An identity offered under a pinned name, with how many messages it holds apart. */
    record Offer(String name, PeerKey key, Instant firstSeen, Instant lastSeen, int held) {
    }

    private final SqlSession sql;

    KeyRows(SqlSession sql) {
        this.sql = sql;
    }

    List<KeyPin> pins() throws SQLException {
        List<KeyPin> pins = new ArrayList<>();
        try (ResultSet rows = sql.statement("SELECT name, signing, agreement, pinned_at FROM pins ORDER BY name_key")
                .executeQuery()) {
            while (rows.next()) {
                pins.add(new KeyPin(rows.getString(1), new PeerKey(rows.getBytes(2), rows.getBytes(3)),
                        Times.fromNanos(rows.getLong(4))));
            }
        }
        return pins;
    }

    void pin(String name, PeerKey key, Instant at) throws SQLException {
        PreparedStatement upsert = sql.statement("INSERT INTO pins (name_key, name, signing, agreement, pinned_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, "
                + "signing = excluded.signing, agreement = excluded.agreement, pinned_at = excluded.pinned_at");
        upsert.setString(1, Peer.keyOf(name));
        upsert.setString(2, name);
        upsert.setBytes(3, key.signing());
        upsert.setBytes(4, key.agreement());
        upsert.setLong(5, Times.toNanos(at));
        upsert.executeUpdate();
    }

    void offer(String name, PeerKey key, Instant at) throws SQLException {
        PreparedStatement upsert = sql.statement("INSERT INTO key_offers (name_key, name, signing, agreement, "
                + "first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name_key, agreement) DO UPDATE SET "
                + "last_seen = excluded.last_seen");
        upsert.setString(1, Peer.keyOf(name));
        upsert.setString(2, name);
        upsert.setBytes(3, key.signing());
        upsert.setBytes(4, key.agreement());
        upsert.setLong(5, Times.toNanos(at));
        upsert.setLong(6, Times.toNanos(at));
        upsert.executeUpdate();
    }

    List<Offer> offers() throws SQLException {
        List<Offer> offers = new ArrayList<>();
        try (ResultSet rows = sql.statement("SELECT o.name, o.signing, o.agreement, o.first_seen, o.last_seen, "
                + "(SELECT count(*) FROM held h WHERE h.name_key = o.name_key AND h.agreement = o.agreement) "
                + "FROM key_offers o ORDER BY o.name_key, o.first_seen").executeQuery()) {
            while (rows.next()) {
                offers.add(new Offer(rows.getString(1), new PeerKey(rows.getBytes(2), rows.getBytes(3)),
                        Times.fromNanos(rows.getLong(4)), Times.fromNanos(rows.getLong(5)), rows.getInt(6)));
            }
        }
        return offers;
    }

    /** Whether an identity was offered under {@code name} (perhaps with messages held for it). */
    boolean offered(String name) throws SQLException {
        PreparedStatement query = sql.statement("SELECT 1 FROM key_offers WHERE name_key = ? LIMIT 1");
        query.setString(1, Peer.keyOf(name));
        try (ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }

    void unpin(String name) throws SQLException {
        PreparedStatement delete = sql.statement("DELETE FROM pins WHERE name_key = ?");
        delete.setString(1, Peer.keyOf(name));
        delete.executeUpdate();
    }

    /** Forgets every offer under {@code name}, and the messages held for them. */
    void dropOffers(String name) throws SQLException {
        for (String table : List.of("key_offers", "held")) {
            PreparedStatement delete = sql.statement("DELETE FROM " + table + " WHERE name_key = ?");
            delete.setString(1, Peer.keyOf(name));
            delete.executeUpdate();
        }
    }

    /** False when that identity's message with this id is already held. */
    boolean hold(String name, PeerKey key, int wireId, String body, boolean broadcast, Instant at)
            throws SQLException {
        PreparedStatement insert = sql.statement("INSERT OR IGNORE INTO held (name_key, name, agreement, wire_id, "
                + "body, broadcast, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.setString(1, Peer.keyOf(name));
        insert.setString(2, name);
        insert.setBytes(3, key.agreement());
        insert.setInt(4, wireId);
        insert.setString(5, body);
        insert.setInt(6, broadcast ? 1 : 0);
        insert.setLong(7, Times.toNanos(at));
        return insert.executeUpdate() == 1;
    }

    /** The messages held for {@code key} under {@code name}, oldest first. */
    List<Held> held(String name, PeerKey key) throws SQLException {
        PreparedStatement query = sql.statement("SELECT name, wire_id, body, broadcast, received_at FROM held "
                + "WHERE name_key = ? AND agreement = ? ORDER BY id");
        query.setString(1, Peer.keyOf(name));
        query.setBytes(2, key.agreement());
        List<Held> held = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                held.add(new Held(rows.getString(1), rows.getInt(2), rows.getString(3), rows.getInt(4) == 1,
                        Times.fromNanos(rows.getLong(5))));
            }
        }
        return held;
    }
}
