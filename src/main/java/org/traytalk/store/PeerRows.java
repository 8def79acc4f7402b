package org.traytalk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;

/** SQL for the roster; one row per case-insensitive name. */
final class PeerRows {
    private final SqlSession sql;

    PeerRows(SqlSession sql) {
        this.sql = sql;
    }

    void save(Peer peer) throws SQLException {
        PreparedStatement upsert = sql.statement("INSERT INTO peers (name_key, name, carrier, address, last_seen, "
                + "instance_id, online) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name_key) DO UPDATE SET "
                + "name = excluded.name, carrier = excluded.carrier, address = excluded.address, "
                + "last_seen = excluded.last_seen, instance_id = excluded.instance_id, online = excluded.online");
        upsert.setString(1, peer.key());
        upsert.setString(2, peer.name());
        upsert.setString(3, peer.address() == null ? null : peer.address().carrier());
        upsert.setString(4, peer.address() == null ? null : peer.address().address());
        if (peer.lastSeen() == null) {
            upsert.setNull(5, Types.INTEGER);
        } else {
            upsert.setLong(5, Times.toNanos(peer.lastSeen()));
        }
        upsert.setLong(6, peer.instanceId());
        upsert.setInt(7, peer.online() ? 1 : 0);
        upsert.executeUpdate();
    }

    void delete(String name) throws SQLException {
        PreparedStatement delete = sql.statement("DELETE FROM peers WHERE name_key = ?");
        delete.setString(1, Peer.keyOf(name));
        delete.executeUpdate();
    }

    List<Peer> all() throws SQLException {
        // a pinned name shows its identity even before the peer is heard again
        PreparedStatement query = sql.statement("SELECT p.name, p.carrier, p.address, p.last_seen, p.instance_id, "
                + "p.online, k.signing, k.agreement FROM peers p LEFT JOIN pins k ON k.name_key = p.name_key "
                + "ORDER BY p.name_key");
        List<Peer> peers = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String carrier = rows.getString(2);
                String address = rows.getString(3);
                long lastSeen = rows.getLong(4);
                boolean neverSeen = rows.wasNull();
                byte[] signing = rows.getBytes(7);
                Fingerprint fingerprint = signing == null ? null
                        : new PeerKey(signing, rows.getBytes(8)).fingerprint();
                peers.add(new Peer(rows.getString(1),
                        carrier == null || address == null ? null : new PeerAddress(carrier, address),
                        neverSeen ? null : Times.fromNanos(lastSeen), rows.getInt(6) == 1, rows.getLong(5),
                        fingerprint));
            }
        }
        return peers;
    }
}
