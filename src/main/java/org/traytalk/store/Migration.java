package org.traytalk.store;

import java.sql.Connection;
import java.sql.SQLException;

/** One schema step; {@link Migrations} runs the steps above the stored version in order, in one transaction. */
interface Migration {

    /** The schema version the database has after this step. */
    int toVersion();

    void apply(Connection connection) throws SQLException;
}
