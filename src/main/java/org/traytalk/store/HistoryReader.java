package org.traytalk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.Peer;

/**
 * Lists history newest first, meaning most recently stored first (row order, which a clock change cannot
 * shuffle). A peer filter selects the direct conversation with that peer (both directions);
 * {@link ChatMessage#EVERYONE} selects broadcasts, sent and received.
 */
final class HistoryReader {
    private final SqlSession sql;
    private final MessageRows messages;

    HistoryReader(SqlSession sql, MessageRows messages) {
        this.sql = sql;
        this.messages = messages;
    }

    List<ChatMessage> history(HistoryQuery query) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        boolean everyone = ChatMessage.EVERYONE.equals(query.peer());
        if (everyone) {
            where.append(" AND broadcast = 1");
        } else if (query.peer() != null) {
            where.append(" AND peer_key = ? AND broadcast = 0");
        }
        Optional<String> search = SearchExpression.of(query.search());
        if (search.isPresent()) {
            where.append(" AND id IN (SELECT rowid FROM messages_search WHERE messages_search MATCH ?)");
        }
        PreparedStatement select = sql.statement("SELECT " + MessageRows.COLUMNS + " FROM messages" + where
                + " ORDER BY id DESC LIMIT ?");
        int parameter = 1;
        if (query.peer() != null && !everyone) {
            select.setString(parameter++, Peer.keyOf(query.peer()));
        }
        if (search.isPresent()) {
            select.setString(parameter++, search.get());
        }
        select.setInt(parameter, query.limit());
        return messages.list(select);
    }
}
