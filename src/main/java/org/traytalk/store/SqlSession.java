package org.traytalk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** One connection with its prepared statements kept open, and transactions that commit or leave nothing behind. */
final class SqlSession implements AutoCloseable {

    interface Work<T> {
        T run() throws SQLException;
    }

    private final Connection connection;
    private final StoreErrors errors;
    // preparing costs more than running the small statements the engine issues thousands of times a second
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    // > 0 while a batch runs: writes inside it join the batch's transaction instead of committing one by one
    private int batchDepth;
    private Runnable committed = () -> { };

    SqlSession(Connection connection, StoreErrors errors) {
        this.connection = connection;
        this.errors = errors;
    }

    /** What to run after each commit (background upkeep); cheap, on the committing thread. */
    void onCommit(Runnable action) {
        this.committed = action;
    }

    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        statement.clearParameters();
        return statement;
    }

    /** Runs the work in a write transaction taken up front, so a busy database fails before anything is done. */
    <T> T write(String doing, Work<T> work) {
        if (batchDepth > 0) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw errors.translate(e, doing);
            }
        }
        try {
            statement("BEGIN IMMEDIATE").execute();
        } catch (SQLException e) {
            throw errors.translate(e, doing);
        }
        try {
            T result = work.run();
            statement("COMMIT").execute();
            committed.run();
            return result;
        } catch (SQLException e) {
            rollback();
            throw errors.translate(e, doing);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    /** Runs several writes as one transaction: one commit for all, or nothing at all if any fails. */
    <T> T batch(Supplier<T> work) {
        if (batchDepth > 0) {
            return work.get();
        }
        return write("save several changes at once", () -> {
            batchDepth++;
            try {
                return work.get();
            } finally {
                batchDepth--;
            }
        });
    }

    <T> T read(String doing, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw errors.translate(e, doing);
        }
    }

    private void rollback() {
        try {
            statement("ROLLBACK").execute();
        } catch (SQLException alreadyRolledBack) {
            // SQLite rolls back by itself after some errors (e.g. a full disk); nothing is left to undo
        }
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            throw errors.translate(e, "close the message database");
        }
    }
}
