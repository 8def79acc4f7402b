package org.traytalk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Brings the full-text index up to the newest message; rows are only ever appended, so a high-water mark suffices.
 * {@link Upkeep} keeps it current in slices while the store is quiet; a search catches up whatever is left first.
 */
final class SearchIndex {
    static final String INDEXED_TO = "search_indexed_to";

    private final SqlSession sql;

    SearchIndex(SqlSession sql) {
        this.sql = sql;
    }

    boolean isBehind() throws SQLException {
        return newestMessage() > indexedTo();
    }

    /** Call inside a write transaction. */
    void catchUp() throws SQLException {
        catchUp(Long.MAX_VALUE);
    }

    /** Indexes at most {@code rows} more ids (a slice, so a background writer holds the lock only briefly). */
    void catchUp(long rows) throws SQLException {
        long from = indexedTo();
        long newest = newestMessage();
        long to = newest - from <= rows ? newest : from + rows; // from + rows could overflow
        if (to <= from) {
            return;
        }
        PreparedStatement index = sql.statement("INSERT INTO messages_search (rowid, body) "
                + "SELECT id, body FROM messages WHERE id > ? AND id <= ? ORDER BY id");
        index.setLong(1, from);
        index.setLong(2, to);
        index.executeUpdate();
        PreparedStatement mark = sql.statement("UPDATE meta SET value = ? WHERE name = ?");
        mark.setLong(1, to);
        mark.setString(2, INDEXED_TO);
        mark.executeUpdate();
    }

    private long indexedTo() throws SQLException {
        PreparedStatement query = sql.statement("SELECT value FROM meta WHERE name = ?");
        query.setString(1, INDEXED_TO);
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private long newestMessage() throws SQLException {
        try (ResultSet row = sql.statement("SELECT coalesce(max(id), 0) FROM messages").executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }
}
