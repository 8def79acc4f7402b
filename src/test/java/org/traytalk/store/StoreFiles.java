package org.traytalk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.Peer;

/** Opening stores and raw connections on test files. */
final class StoreFiles {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00.123456789Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private StoreFiles() {
    }

    static SqliteMessageStore open(Path file) {
        return open(file, new SplittableRandom(42));
    }

    static SqliteMessageStore open(Path file, RandomGenerator random) {
        return (SqliteMessageStore) SqliteMessageStore.open(file, CLOCK, random);
    }

    static SqliteMessageStore open(Path file, Duration busyTimeout, boolean readOnly) {
        return SqliteMessageStore.open(new DatabaseFile(file, busyTimeout, readOnly), Migrations.standard(CLOCK),
                new SplittableRandom(42));
    }

    /**
     * A database at an older schema {@code version} holding these messages, written as that version did (the
     * store's own writes need the newest schema).
     */
    static void olderVersion(Path file, List<Migration> steps, List<ChatMessage> messages) throws SQLException {
        try (Connection c = raw(file)) {
            new Migrations(steps).migrate(c, file);
            for (ChatMessage m : messages) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO messages (direction, peer, peer_key, "
                        + "wire_id, body, broadcast, created_at, updated_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, m.direction().name());
                    insert.setString(2, m.peer());
                    insert.setString(3, Peer.keyOf(m.peer()));
                    insert.setInt(4, m.wireId());
                    insert.setString(5, m.body());
                    insert.setInt(6, m.broadcast() ? 1 : 0);
                    insert.setLong(7, Times.toNanos(m.createdAt()));
                    insert.setLong(8, Times.toNanos(m.updatedAt()));
                    insert.setString(9, m.state().name());
                    insert.executeUpdate();
                }
            }
        }
    }

    /** A message as an older version stored it (row id chosen by the database). */
    static ChatMessage stored(Direction direction, String peer, int wireId, String body, boolean broadcast) {
        DeliveryState state = direction == Direction.INBOUND ? DeliveryState.RECEIVED : DeliveryState.DELIVERED;
        return new ChatMessage(0, direction, peer, wireId, body, T0, state, T0, broadcast, List.of());
    }

    /** A second, independent connection, as another program would have. */
    static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }
}
