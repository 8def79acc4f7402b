package org.traytalk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reserves ranges of this node's announcement sequence, so it grows across restarts even when the clock goes back:
 * the high-water mark lives in the meta table, and a range starts no lower than the caller's floor (the clock).
 */
final class SequenceBlocks {
    static final String RESERVED = "sequence_reserved";

    private final SqlSession sql;

    SequenceBlocks(SqlSession sql) {
        this.sql = sql;
    }

    /** Call inside a write transaction: {@code count} numbers from max(floor, end of the last range) on. */
    long reserve(long floor, int count) throws SQLException {
        PreparedStatement query = sql.statement("SELECT value FROM meta WHERE name = ?");
        query.setString(1, RESERVED);
        long reserved;
        try (ResultSet row = query.executeQuery()) {
            reserved = row.next() ? row.getLong(1) : 0;
        }
        long first = Math.max(floor, reserved);
        PreparedStatement save = sql.statement("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)");
        save.setString(1, RESERVED);
        save.setLong(2, first + count);
        save.executeUpdate();
        return first;
    }
}
