package org.traytalk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.Peer;
import org.traytalk.model.Receipt;

/** SQL for the messages and receipts tables; callers choose the transaction. */
final class MessageRows {
    static final String COLUMNS = "id, direction, peer, wire_id, body, created_at, state, updated_at, broadcast, "
            + "direction = 'OUTBOUND' OR sender_key IS NOT NULL";

    private final SqlSession sql;

    MessageRows(SqlSession sql) {
        this.sql = sql;
    }

    /** @param senderKey the fingerprint of a verified inbound message's sender, else null */
    long insert(Direction direction, String peer, int wireId, String body, boolean broadcast, Instant at,
                DeliveryState state, Fingerprint senderKey) throws SQLException {
        PreparedStatement insert = sql.statement("INSERT INTO messages (direction, peer, peer_key, wire_id, body, "
                + "broadcast, created_at, updated_at, state, sender_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "RETURNING id");
        insert.setString(1, direction.name());
        insert.setString(2, peer);
        insert.setString(3, Peer.keyOf(peer));
        insert.setInt(4, wireId);
        insert.setString(5, body);
        insert.setInt(6, broadcast ? 1 : 0);
        insert.setLong(7, Times.toNanos(at));
        insert.setLong(8, Times.toNanos(at));
        insert.setString(9, state.name());
        insert.setString(10, senderKey == null ? null : senderKey.code());
        try (ResultSet row = insert.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A second receipt for the same peer (names differing only in case) is ignored. */
    void addReceipt(long messageId, String peer) throws SQLException {
        PreparedStatement insert = sql.statement("INSERT OR IGNORE INTO receipts (message_id, peer, peer_key, state) "
                + "VALUES (?, ?, ?, 'QUEUED')");
        insert.setLong(1, messageId);
        insert.setString(2, peer);
        insert.setString(3, Peer.keyOf(peer));
        insert.executeUpdate();
    }

    /** Sets or adds one receipt; a delivered receipt only goes on to SEEN, and a SEEN one stays as it is. */
    void setReceipt(long messageId, String peer, DeliveryState state, Instant at) throws SQLException {
        PreparedStatement upsert = sql.statement("INSERT INTO receipts (message_id, peer, peer_key, state, "
                + "confirmed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (message_id, peer_key) DO UPDATE SET "
                + "state = excluded.state, confirmed_at = COALESCE(receipts.confirmed_at, excluded.confirmed_at) "
                + "WHERE receipts.state NOT IN ('DELIVERED', 'SEEN') "
                + "OR (receipts.state = 'DELIVERED' AND excluded.state = 'SEEN')");
        upsert.setLong(1, messageId);
        upsert.setString(2, peer);
        upsert.setString(3, Peer.keyOf(peer));
        upsert.setString(4, state.name());
        if (state.isDelivered()) {
            upsert.setLong(5, Times.toNanos(at));
        } else {
            upsert.setNull(5, Types.INTEGER);
        }
        upsert.executeUpdate();
    }

    void setState(long messageId, DeliveryState state, Instant at) throws SQLException {
        PreparedStatement update = sql.statement("UPDATE messages SET state = ?, updated_at = ? WHERE id = ?");
        update.setString(1, state.name());
        update.setLong(2, Times.toNanos(at));
        update.setLong(3, messageId);
        update.executeUpdate();
    }

    /** A verified sender's message with this id, received since then: its identity and id name it. */
    boolean receivedSince(Fingerprint senderKey, int wireId, Instant since) throws SQLException {
        PreparedStatement query = sql.statement("SELECT 1 FROM messages WHERE direction = 'INBOUND' "
                + "AND sender_key = ? AND wire_id = ? AND created_at >= ? LIMIT 1");
        query.setString(1, senderKey.code());
        query.setInt(2, wireId);
        query.setLong(3, Times.toNanos(since));
        try (ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }

    /**
     * An unverified sender's message with this id and this text, received since then: anyone can send under any
     * name and id there, so a message counts as a copy only if its text is the same too.
     */
    boolean receivedSince(String sender, int wireId, String body, Instant since) throws SQLException {
        PreparedStatement query = sql.statement("SELECT 1 FROM messages WHERE direction = 'INBOUND' "
                + "AND peer_key = ? AND wire_id = ? AND created_at >= ? AND sender_key IS NULL AND body = ? LIMIT 1");
        query.setString(1, Peer.keyOf(sender));
        query.setInt(2, wireId);
        query.setLong(3, Times.toNanos(since));
        query.setString(4, body);
        try (ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }

    Optional<ChatMessage> find(long messageId) throws SQLException {
        PreparedStatement query = sql.statement("SELECT " + COLUMNS + " FROM messages WHERE id = ?");
        query.setLong(1, messageId);
        List<ChatMessage> found = list(query);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The message with an empty receipt list. */
    Optional<ChatMessage> header(long messageId) throws SQLException {
        PreparedStatement query = sql.statement("SELECT " + COLUMNS + " FROM messages WHERE id = ?");
        query.setLong(1, messageId);
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(header(row, 1)) : Optional.empty();
        }
    }

    /** Runs a query selecting {@link #COLUMNS} and attaches each outbound message's receipts. */
    List<ChatMessage> list(PreparedStatement query) throws SQLException {
        List<ChatMessage> headers = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                headers.add(header(rows, 1));
            }
        }
        List<ChatMessage> messages = new ArrayList<>(headers.size());
        for (ChatMessage m : headers) {
            messages.add(m.direction() == Direction.INBOUND ? m
                    : m.withState(m.state(), m.updatedAt(), receipts(m.rowId())));
        }
        return messages;
    }

    List<Receipt> receipts(long messageId) throws SQLException {
        PreparedStatement query = sql.statement("SELECT peer, state, confirmed_at FROM receipts WHERE message_id = ? "
                + "ORDER BY peer_key");
        query.setLong(1, messageId);
        List<Receipt> receipts = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long confirmed = rows.getLong(3);
                Instant confirmedAt = rows.wasNull() ? null : Times.fromNanos(confirmed);
                receipts.add(new Receipt(rows.getString(1), DeliveryState.valueOf(rows.getString(2)), confirmedAt));
            }
        }
        return receipts;
    }

    /** The message (without receipts) in the {@link #COLUMNS} that start at column {@code first} of the row. */
    static ChatMessage header(ResultSet row, int first) throws SQLException {
        int c = first - 1;
        return new ChatMessage(row.getLong(c + 1), Direction.valueOf(row.getString(c + 2)), row.getString(c + 3),
                row.getInt(c + 4), row.getString(c + 5), Times.fromNanos(row.getLong(c + 6)),
                DeliveryState.valueOf(row.getString(c + 7)), Times.fromNanos(row.getLong(c + 8)),
                row.getInt(c + 9) == 1, List.of(), row.getInt(c + 10) == 1);
    }
}
