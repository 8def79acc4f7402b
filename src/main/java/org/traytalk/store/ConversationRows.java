package org.traytalk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.Direction;

/** SQL for the conversations table (version 3): each one's newest message, unread count and read position. */
final class ConversationRows {
    /** Which conversation a messages row belongs to, in SQL. */
    static final String KEY_OF_MESSAGE = "CASE WHEN broadcast = 1 THEN '*' ELSE peer_key END";

    private static final String SELECT = "SELECT c.key, COALESCE(p.name, c.name), COALESCE(p.online, 0), c.unread, "
            + "m.id, m.direction, m.peer, m.wire_id, m.body, m.created_at, m.state, m.updated_at, m.broadcast, "
            + "m.direction = 'OUTBOUND' OR m.sender_key IS NOT NULL "
            + "FROM conversations c LEFT JOIN messages m ON m.id = c.last_id LEFT JOIN peers p ON p.name_key = c.key";

    private final SqlSession sql;

    ConversationRows(SqlSession sql) {
        this.sql = sql;
    }

    /** A message was saved: it is its conversation's newest, and unread when it came in. */
    void saved(ChatMessage m) throws SQLException {
        String key = Conversation.keyOf(m);
        PreparedStatement upsert = sql.statement("INSERT INTO conversations (key, name, last_id, unread, read_to) "
                + "VALUES (?, ?, ?, ?, 0) ON CONFLICT (key) DO UPDATE SET name = excluded.name, "
                + "last_id = MAX(last_id, excluded.last_id), unread = unread + excluded.unread");
        upsert.setString(1, key);
        upsert.setString(2, Conversation.nameOf(m));
        upsert.setLong(3, m.rowId());
        upsert.setInt(4, m.direction() == Direction.INBOUND ? 1 : 0);
        upsert.executeUpdate();
    }

    /** The received messages up to row {@code upTo} are read; those after it stay unread. */
    void markRead(String key, long upTo) throws SQLException {
        PreparedStatement update = sql.statement("UPDATE conversations SET read_to = MAX(read_to, ?1), "
                + "unread = (SELECT COUNT(*) FROM messages WHERE id > MAX(read_to, ?1) AND direction = 'INBOUND' "
                + "AND " + KEY_OF_MESSAGE + " = ?2) WHERE key = ?2");
        update.setLong(1, upTo);
        update.setString(2, key);
        update.executeUpdate();
    }

    /**
     * Every conversation with messages, newest first, then every known peer without messages by name: one query,
     * however long the history. The newest message comes without its receipts.
     */
    List<Conversation> all() throws SQLException {
        PreparedStatement query = sql.statement(SELECT + " UNION ALL SELECT p.name_key, p.name, p.online, 0, "
                + "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM peers p "
                + "WHERE p.name_key NOT IN (SELECT key FROM conversations) ORDER BY 5 DESC NULLS LAST, 1");
        return list(query);
    }

    Optional<Conversation> find(String key) throws SQLException {
        PreparedStatement query = sql.statement(SELECT + " WHERE c.key = ?");
        query.setString(1, key);
        return list(query).stream().findFirst();
    }

    private static List<Conversation> list(PreparedStatement query) throws SQLException {
        List<Conversation> found = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                rows.getLong(5);
                ChatMessage latest = rows.wasNull() ? null : MessageRows.header(rows, 5);
                found.add(new Conversation(rows.getString(1), rows.getString(2), rows.getInt(3) == 1, rows.getInt(4),
                        latest));
            }
        }
        return found;
    }
}
