package org.traytalk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.KeyChange;
import org.traytalk.model.KeyPin;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerKey;
import org.traytalk.model.Receipt;

/** The message store in one SQLite file. Methods are synchronized so other threads may read while the engine writes. */
public final class SqliteMessageStore implements MessageStore {
    /** How long a write waits for another program holding the file before it gives up. */
    public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(3);
    static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(500);
    static final Duration UPKEEP_THREAD_IDLE = Duration.ofSeconds(10);
    /** Checkpoint turns without a write before the log is truncated: two seconds. */
    static final int QUIET_TURNS_BEFORE_TRUNCATE = 4;

    private final SqlSession sql;
    private final MessageRows messages;
    private final PeerRows peers;
    private final ConversationRows conversations;
    private final HistoryReader history;
    private final WireIdBlocks wireIds;
    private final KeyRows keys;
    private final SequenceBlocks sequences;
    private final SearchIndex searchIndex;
    private final Path file;
    private final AutoCloseable upkeep;
    private boolean closed;

    private SqliteMessageStore(Path file, SqlSession sql, RandomGenerator random, AutoCloseable upkeep) {
        this.file = file;
        this.upkeep = upkeep;
        this.sql = sql;
        this.messages = new MessageRows(sql);
        this.peers = new PeerRows(sql);
        this.conversations = new ConversationRows(sql);
        this.history = new HistoryReader(sql, messages);
        this.wireIds = new WireIdBlocks(sql, random);
        this.keys = new KeyRows(sql);
        this.sequences = new SequenceBlocks(sql);
        this.searchIndex = new SearchIndex(sql);
    }

    /** Opens (creating if needed, private to the user) and migrates the database; throws StoreException if it cannot. */
    public static MessageStore open(Path databaseFile, Clock clock, RandomGenerator random) {
        return open(new DatabaseFile(databaseFile, BUSY_TIMEOUT, false), Migrations.standard(clock), random);
    }

    static SqliteMessageStore open(DatabaseFile database, Migrations migrations, RandomGenerator random) {
        Connection connection = database.open();
        SqlSession sql = new SqlSession(connection, database.errors());
        try {
            sql.read("update the message database to this version", () -> {
                migrations.migrate(connection, database.path());
                return null;
            });
            AutoCloseable upkeep = () -> { };
            if (!database.readOnly()) {
                // checkpoints (and their disk syncs) and search indexing move to a background connection
                sql.read("turn off automatic checkpoints", () -> {
                    try (Statement st = connection.createStatement()) {
                        st.execute("PRAGMA wal_autocheckpoint = 0");
                    }
                    return null;
                });
                upkeep = startUpkeep(database, sql);
            }
            return new SqliteMessageStore(database.path(), sql, random, upkeep);
        } catch (RuntimeException e) {
            sql.close();
            throw e;
        }
    }

    private static Upkeep startUpkeep(DatabaseFile database, SqlSession sql) {
        Connection own = database.open();
        try {
            Upkeep upkeep = new Upkeep(new WalCheckpointer(own, QUIET_TURNS_BEFORE_TRUNCATE), database.errors(),
                    CHECKPOINT_INTERVAL, UPKEEP_THREAD_IDLE);
            sql.onCommit(upkeep::written);
            upkeep.written(); // the search index may be behind, e.g. after an update
            return upkeep;
        } catch (SQLException e) {
            try {
                own.close();
            } catch (SQLException ignored) {
                // the first failure is the one worth reporting
            }
            throw database.errors().translate(e, "start the background checkpoints");
        }
    }

    @Override
    public synchronized int reserveWireIds(int count) {
        return write("reserve message ids", () -> wireIds.reserve(count));
    }

    @Override
    public synchronized ChatMessage saveOutgoing(String recipient, boolean broadcast, int wireId, String body,
                                                 List<String> expectedRecipients, Instant now) {
        return write("save an outgoing message", () -> {
            long id = messages.insert(Direction.OUTBOUND, recipient, wireId, body, broadcast, now, DeliveryState.QUEUED,
                    null);
            for (String peer : expectedRecipients) {
                messages.addReceipt(id, peer);
            }
            ChatMessage saved = new ChatMessage(id, Direction.OUTBOUND, recipient, wireId, body, now,
                    DeliveryState.QUEUED, now, broadcast, messages.receipts(id));
            conversations.saved(saved);
            return saved;
        });
    }

    @Override
    public synchronized ChatMessage updateReceipt(long rowId, String peer, DeliveryState state, Instant at) {
        if (state == DeliveryState.RECEIVED) {
            throw new IllegalArgumentException("a receipt cannot be RECEIVED");
        }
        return write("record a delivery receipt", () -> {
            ChatMessage message = outgoing(rowId);
            messages.setReceipt(rowId, peer, state, at);
            List<Receipt> receipts = messages.receipts(rowId);
            DeliveryState derived = ReceiptRules.derive(receipts);
            if (derived == message.state()) {
                return message.withState(derived, message.updatedAt(), receipts);
            }
            messages.setState(rowId, derived, at);
            return message.withState(derived, at, receipts);
        });
    }

    @Override
    public synchronized ChatMessage updateState(long rowId, DeliveryState state, Instant at) {
        return write("update a message's state", () -> {
            ChatMessage message = outgoing(rowId);
            messages.setState(rowId, state, at);
            return message.withState(state, at, messages.receipts(rowId));
        });
    }

    @Override
    public synchronized List<ChatMessage> pendingOutgoing() {
        return read("list the outbox", () -> messages.list(sql.statement("SELECT " + MessageRows.COLUMNS
                + " FROM messages WHERE direction = 'OUTBOUND' AND state IN ('QUEUED', 'SENT') ORDER BY id")));
    }

    @Override
    public synchronized Optional<ChatMessage> findOutgoing(int wireId) {
        return read("look up an outgoing message", () -> {
            PreparedStatement query = sql.statement("SELECT " + MessageRows.COLUMNS
                    + " FROM messages WHERE direction = 'OUTBOUND' AND wire_id = ? ORDER BY id DESC LIMIT 1");
            query.setInt(1, wireId);
            return messages.list(query).stream().findFirst();
        });
    }

    @Override
    public synchronized Optional<ChatMessage> saveInbound(String sender, Fingerprint senderKey, int wireId,
                                                          String body, boolean broadcast, Instant receivedAt,
                                                          Instant duplicateSince) {
        return write("save a received message", () -> inbound(sender, senderKey, wireId, body, broadcast, receivedAt,
                duplicateSince));
    }

    private Optional<ChatMessage> inbound(String sender, Fingerprint senderKey, int wireId, String body,
                                          boolean broadcast, Instant receivedAt, Instant duplicateSince)
            throws SQLException {
        boolean copy = senderKey != null ? messages.receivedSince(senderKey, wireId, duplicateSince)
                : messages.receivedSince(sender, wireId, body, duplicateSince);
        if (copy) {
            return Optional.empty();
        }
        long id = messages.insert(Direction.INBOUND, sender, wireId, body, broadcast, receivedAt,
                DeliveryState.RECEIVED, senderKey);
        ChatMessage saved = new ChatMessage(id, Direction.INBOUND, sender, wireId, body, receivedAt,
                DeliveryState.RECEIVED, receivedAt, broadcast, List.of(), senderKey != null);
        conversations.saved(saved);
        return Optional.of(saved);
    }

    @Override
    public synchronized List<KeyPin> pins() {
        return read("list the pinned identities", keys::pins);
    }

    @Override
    public synchronized void pin(String name, PeerKey key, Instant at) {
        write("pin an identity", () -> {
            keys.pin(name, key, at);
            return null;
        });
    }

    @Override
    public synchronized void offerKey(String name, PeerKey key, Instant at) {
        write("note a changed identity", () -> {
            keys.offer(name, key, at);
            return null;
        });
    }

    @Override
    public synchronized List<KeyChange> keyChanges() {
        return read("list changed identities", () -> {
            Map<String, KeyPin> pinned = new HashMap<>();
            for (KeyPin p : keys.pins()) {
                pinned.put(Peer.keyOf(p.name()), p);
            }
            List<KeyChange> changes = new ArrayList<>();
            for (KeyRows.Offer o : keys.offers()) {
                KeyPin pin = pinned.get(Peer.keyOf(o.name()));
                changes.add(new KeyChange(o.name(), pin == null ? null : pin.key().fingerprint(),
                        o.key().fingerprint(), o.key(), o.firstSeen(), o.lastSeen(), o.held()));
            }
            return changes;
        });
    }

    @Override
    public synchronized boolean hold(String name, PeerKey key, int wireId, String body, boolean broadcast,
                                     Instant at) {
        return write("keep a message apart", () -> keys.hold(name, key, wireId, body, broadcast, at));
    }

    @Override
    public synchronized List<ChatMessage> acceptKey(String name, PeerKey key, Instant at, Instant duplicateSince) {
        return write("accept a changed identity", () -> {
            keys.pin(name, key, at);
            List<ChatMessage> moved = new ArrayList<>();
            for (KeyRows.Held h : keys.held(name, key)) {
                inbound(h.name(), key.fingerprint(), h.wireId(), h.body(), h.broadcast(), h.receivedAt(),
                        duplicateSince).ifPresent(moved::add);
            }
            keys.dropOffers(name);
            return moved;
        });
    }

    @Override
    public synchronized long reserveSequences(long floor, int count) {
        return write("reserve announcement numbers", () -> sequences.reserve(floor, count));
    }

    @Override
    public synchronized <T> T batch(Supplier<T> work) {
        checkOpen();
        return sql.batch(work);
    }

    @Override
    public synchronized Optional<ChatMessage> message(long rowId) {
        return read("read a message", () -> messages.find(rowId));
    }

    @Override
    public synchronized List<ChatMessage> history(HistoryQuery query) {
        if (query.search() != null && read("check the search index", searchIndex::isBehind)) {
            write("update the search index", () -> {
                searchIndex.catchUp();
                return null;
            });
        }
        return read("read the history", () -> history.history(query));
    }

    @Override
    public synchronized List<Conversation> conversations() {
        return read("list the conversations", conversations::all);
    }

    @Override
    public synchronized Optional<Conversation> markRead(String conversation, long upToRowId) {
        return write("mark a conversation read", () -> {
            conversations.markRead(conversation, upToRowId);
            return conversations.find(conversation);
        });
    }

    @Override
    public synchronized List<ChatMessage> unreadUpTo(String conversation, long upToRowId) {
        return read("list what is read now", () -> {
            PreparedStatement query = sql.statement("SELECT " + MessageRows.COLUMNS + " FROM messages WHERE "
                    + "direction = 'INBOUND' AND " + ConversationRows.KEY_OF_MESSAGE + " = ?1 AND id <= ?2 AND id > "
                    + "COALESCE((SELECT read_to FROM conversations WHERE key = ?1), 0) ORDER BY id");
            query.setString(1, conversation);
            query.setLong(2, upToRowId);
            return messages.list(query);
        });
    }

    @Override
    public synchronized void savePeer(Peer peer) {
        write("save a peer", () -> {
            peers.save(peer);
            return null;
        });
    }

    @Override
    public synchronized boolean forgetPeer(String name) {
        return write("forget a peer", () -> {
            if (conversations.find(Conversation.keyOf(name)).isPresent() || keys.offered(name)) {
                return false;
            }
            peers.delete(name);
            keys.unpin(name);
            return true;
        });
    }

    @Override
    public synchronized List<Peer> peers() {
        return read("list the peers", peers::all);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            sql.close();
            try {
                upkeep.close();
            } catch (Exception e) {
                throw new StoreException("Could not finish writing the message database " + file + ": " + e, e);
            }
        }
    }

    /** Without its receipts: callers read those after changing them. */
    private ChatMessage outgoing(long rowId) throws SQLException {
        return messages.header(rowId).filter(m -> m.direction() == Direction.OUTBOUND)
                .orElseThrow(() -> new StoreException("The message database " + file + " has no outgoing message "
                        + "with row id " + rowId + "."));
    }

    private <T> T write(String doing, SqlSession.Work<T> work) {
        checkOpen();
        return sql.write(doing, work);
    }

    private <T> T read(String doing, SqlSession.Work<T> work) {
        checkOpen();
        return sql.read(doing, work);
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("The message database " + file + " is already closed.");
        }
    }
}
