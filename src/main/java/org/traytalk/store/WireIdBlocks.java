package org.traytalk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.random.RandomGenerator;

/** Hands out blocks of wire ids from a high-water mark kept in the meta table. */
final class WireIdBlocks {
    /** A new store starts somewhere in 1..2^30, leaving room before the wrap. */
    static final int FIRST_BLOCK_BOUND = 1 << 30;
    static final String NEXT_ID = "next_wire_id";

    private final SqlSession sql;
    private final RandomGenerator random;

    WireIdBlocks(SqlSession sql, RandomGenerator random) {
        this.sql = sql;
        this.random = random;
    }

    /** Call inside a write transaction. */
    int reserve(int count) throws SQLException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        Long stored = storedNext();
        long first = stored != null ? stored : random.nextInt(1, FIRST_BLOCK_BOUND + 1);
        if (first + count - 1 > MessageStore.MAX_WIRE_ID) {
            first = 1; // the block stays consecutive: it restarts at 1 rather than straddling the top
        }
        long next = first + count;
        PreparedStatement save = sql.statement("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)");
        save.setString(1, NEXT_ID);
        save.setLong(2, next > MessageStore.MAX_WIRE_ID ? 1 : next);
        save.executeUpdate();
        return (int) first;
    }

    private Long storedNext() throws SQLException {
        PreparedStatement query = sql.statement("SELECT value FROM meta WHERE name = ?");
        query.setString(1, NEXT_ID);
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? row.getLong(1) : null;
        }
    }
}
