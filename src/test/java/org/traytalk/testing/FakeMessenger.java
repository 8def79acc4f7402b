package org.traytalk.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerException;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.model.Receipt;
import org.traytalk.model.Status;

/**
 * The one {@link Messenger} the user interface tests run against: an in-memory history read like the store reads
 * it, sends played by a script the test chooses, every call recorded, and events fired on the caller's thread.
 */
public final class FakeMessenger implements Messenger {
    public static final Instant T0 = Instant.parse("2024-03-05T09:15:00Z");
    private static final AtomicLong FRESH_ROWS = new AtomicLong(1_000_000);

    /** What happens when something is sent: fire updates through the fake, return the stored message, or throw. */
    @FunctionalInterface
    public interface SendScript {
        ChatMessage onSend(FakeMessenger fake, ChatMessage stored) throws MessengerException;
    }

    public record Sent(String recipient, String text) {
    }

    /** The stored messages, in any order; history and conversations read them like the store. */
    public final List<ChatMessage> history = new CopyOnWriteArrayList<>();
    public final List<Peer> peers = new CopyOnWriteArrayList<>();
    /** When not empty, what {@link #conversations} answers instead of working them out from the history. */
    public final List<Conversation> conversations = new CopyOnWriteArrayList<>();
    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final List<HistoryQuery> queries = new CopyOnWriteArrayList<>();
    /** markRead calls, as "KEY@row". */
    public final List<String> reads = new CopyOnWriteArrayList<>();
    public final AtomicInteger refreshes = new AtomicInteger();
    public final AtomicInteger conversationReads = new AtomicInteger();
    /** Whether any history or conversations read ran on the Swing thread (it must not: reads can be slow). */
    public volatile boolean readOnSwingThread;
    public volatile RuntimeException historyFailure;
    public volatile String localName = "ALICE";
    public volatile Fingerprint fingerprint = fingerprintOf(1);
    /** What {@link #keyChanges} answers; {@link #trust} takes the accepted one out. */
    public final List<KeyChange> keyChanges = new CopyOnWriteArrayList<>();
    /** trust calls, as "NAME FINGERPRINT". */
    public final List<String> trusted = new CopyOnWriteArrayList<>();
    /** What trust throws, when set (a store gone, say). */
    public volatile RuntimeException trustFailure;
    public volatile SendScript script = (fake, stored) -> stored.withState(DeliveryState.SENT, T0, sentReceipts(stored));
    /** Runs after the script, just before send returns. */
    public volatile Runnable afterSend = () -> { };

    private final List<MessengerListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Long> readPositions = new ConcurrentHashMap<>();
    private final AtomicLong rowIds = new AtomicLong(100);
    private volatile ChatMessage lastStored;

    @Override
    public String localName() {
        return localName;
    }

    @Override
    public ChatMessage send(String recipient, String text) throws MessengerException {
        sent.add(new Sent(recipient, text));
        boolean broadcast = ChatMessage.EVERYONE.equals(recipient);
        List<Receipt> receipts = broadcast
                ? peers.stream().filter(Peer::online).map(p -> new Receipt(p.name(), DeliveryState.QUEUED, null)).toList()
                : List.of(new Receipt(recipient, DeliveryState.QUEUED, null));
        long row = rowIds.incrementAndGet();
        ChatMessage stored = new ChatMessage(row, Direction.OUTBOUND, recipient, (int) row, text, T0,
                DeliveryState.QUEUED, T0, broadcast, receipts);
        lastStored = stored;
        try {
            return script.onSend(this, stored);
        } finally {
            afterSend.run();
        }
    }

    /** The message the last send stored, as it was stored (QUEUED). */
    public ChatMessage lastSent() {
        return lastStored;
    }

    @Override
    public List<Peer> peers() {
        return List.copyOf(peers);
    }

    /** Like the store: by peer ({@code *} for broadcasts) and words, newest first, at most the limit. */
    @Override
    public List<ChatMessage> history(HistoryQuery q) {
        queries.add(q);
        readOnSwingThread |= SwingUtilities.isEventDispatchThread();
        RuntimeException failure = historyFailure;
        if (failure != null) {
            throw failure;
        }
        return history.stream()
                .filter(m -> q.peer() == null || (ChatMessage.EVERYONE.equals(q.peer()) ? m.broadcast()
                        : !m.broadcast() && Peer.keyOf(m.peer()).equals(Peer.keyOf(q.peer()))))
                .filter(m -> q.search() == null || matches(m.body(), q.search()))
                .sorted(Comparator.comparingLong(ChatMessage::rowId).reversed())
                .limit(q.limit())
                .toList();
    }

    private static boolean matches(String body, String search) {
        String text = body.toLowerCase(Locale.ROOT);
        for (String word : search.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@link #conversations} given, or like the store: per conversation the newest message and the received
     * ones after the read position, then known peers without messages.
     */
    @Override
    public List<Conversation> conversations() {
        conversationReads.incrementAndGet();
        readOnSwingThread |= SwingUtilities.isEventDispatchThread();
        if (!conversations.isEmpty()) {
            return List.copyOf(conversations);
        }
        Map<String, Conversation> byKey = new LinkedHashMap<>();
        history.stream().sorted(Comparator.comparingLong(ChatMessage::rowId)).forEach(m -> {
            String key = Conversation.keyOf(m);
            Conversation c = byKey.getOrDefault(key, Conversation.empty(Conversation.nameOf(m), false));
            byKey.put(key, new Conversation(key, c.name(), c.online(), unread(key), m));
        });
        for (Peer p : peers) {
            Conversation c = byKey.get(p.key());
            byKey.put(p.key(), c == null ? Conversation.empty(p.name(), p.online())
                    : new Conversation(c.key(), p.name(), p.online(), c.unread(), c.latest()));
        }
        return byKey.values().stream().sorted(Comparator.comparing((Conversation c) -> c.latest() == null)
                .thenComparing(c -> c.latest() == null ? 0 : -c.latest().rowId()).thenComparing(Conversation::key))
                .toList();
    }

    private int unread(String key) {
        long readTo = readPositions.getOrDefault(key, 0L);
        return (int) history.stream().filter(m -> Conversation.keyOf(m).equals(key))
                .filter(m -> m.direction() == Direction.INBOUND && m.rowId() > readTo).count();
    }

    /** Records the call; for conversations worked out from the history, also moves the read position and tells. */
    @Override
    public void markRead(String conversation, long upToRowId) {
        reads.add(conversation + "@" + upToRowId);
        if (!conversations.isEmpty()) {
            return;
        }
        readPositions.merge(conversation, upToRowId, Math::max);
        conversations().stream().filter(c -> c.key().equals(conversation)).findFirst()
                .ifPresent(now -> fire(l -> l.conversationRead(now)));
    }

    @Override
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    @Override
    public List<KeyChange> keyChanges() {
        return List.copyOf(keyChanges);
    }

    @Override
    public void trust(String name, Fingerprint offered) throws MessengerException {
        RuntimeException failure = trustFailure;
        if (failure != null) {
            throw failure;
        }
        KeyChange change = keyChanges.stream()
                .filter(c -> c.name().equalsIgnoreCase(name) && c.offered().equals(offered)).findFirst()
                .orElseThrow(() -> new MessengerException("No TrayTalk identity " + offered + " has turned up under the"
                        + " name " + name));
        keyChanges.remove(change);
        trusted.add(name + " " + offered);
    }

    /** A fingerprint that differs for each seed. */
    public static Fingerprint fingerprintOf(int seed) {
        byte[] digest = new byte[32];
        new Random(seed).nextBytes(digest);
        return Fingerprint.of(digest);
    }

    /** Each status set, in order. */
    public final List<Status> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void setStatus(Status status) {
        statuses.add(status);
        fire(l -> l.statusChanged(localName, status));
    }

    @Override
    public Status status() {
        return statuses.isEmpty() ? Status.AVAILABLE : statuses.get(statuses.size() - 1);
    }

    @Override
    public void refresh() {
        refreshes.incrementAndGet();
    }

    @Override
    public AutoCloseable subscribe(MessengerListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
    }

    public int subscriberCount() {
        return listeners.size();
    }

    /** Fires an event as the engine would, on the calling thread. */
    public void fire(Consumer<MessengerListener> event) {
        listeners.forEach(event);
    }

    public void update(ChatMessage m) {
        fire(l -> l.messageUpdated(m));
    }

    /** {@code m} now in {@code state}, its receipts left out. */
    public void update(ChatMessage m, DeliveryState state) {
        update(m.withState(state, T0, List.of()));
    }

    // ---- scripts ----

    /** Returns SENT, then (before send returns, as the engine may) fires the given final state. */
    public static SendScript settlesAs(DeliveryState finalState) {
        return (fake, stored) -> {
            ChatMessage sent = stored.withState(DeliveryState.SENT, T0, sentReceipts(stored));
            fake.update(sent);
            fake.update(stored.withState(finalState, T0.plusSeconds(1), stored.receipts().stream()
                    .map(r -> new Receipt(r.peer(), finalState, finalState == DeliveryState.DELIVERED ? T0 : null))
                    .toList()));
            return sent;
        };
    }

    /** Recipient offline: stays QUEUED, nothing follows. */
    public static SendScript queuedForever() {
        return (fake, stored) -> {
            fake.update(stored);
            return stored;
        };
    }

    public static SendScript refused(String why) {
        return (fake, stored) -> {
            throw new MessengerException(why);
        };
    }

    /** A broadcast sent to everyone expected; those named confirm, the others stay SENT. */
    public static SendScript broadcastConfirmedBy(String... confirming) {
        return (fake, stored) -> {
            ChatMessage m = stored.withState(DeliveryState.SENT, T0, sentReceipts(stored));
            fake.update(m);
            ChatMessage sentMessage = m;
            for (String who : confirming) {
                List<Receipt> receipts = new ArrayList<>();
                for (Receipt r : m.receipts()) {
                    receipts.add(r.peer().equals(who) ? new Receipt(who, DeliveryState.DELIVERED, T0) : r);
                }
                boolean all = receipts.stream().allMatch(r -> r.state() == DeliveryState.DELIVERED);
                m = m.withState(all ? DeliveryState.DELIVERED : DeliveryState.SENT, T0, receipts);
                fake.update(m);
            }
            return sentMessage;
        };
    }

    public static List<Receipt> sentReceipts(ChatMessage m) {
        return m.receipts().stream().map(r -> new Receipt(r.peer(), DeliveryState.SENT, null)).toList();
    }

    // ---- model builders: row n was written n minutes after T0 ----

    /** A verified TrayTalk peer (its fingerprint from its name). */
    public static Peer peer(String name, boolean online) {
        return new Peer(name, new PeerAddress("udp", "10.0.0." + (name.length() + 1) + ":42138"), T0, online, 7,
                fingerprintOf(name.hashCode()));
    }

    /** A verified TrayTalk peer announcing {@code status}. */
    public static Peer peer(String name, boolean online, Status status) {
        Peer p = peer(name, online);
        return new Peer(name, p.address(), T0, online, p.instanceId(), p.fingerprint(), status);
    }

    /** A peer running the original program: not verified. */
    public static Peer legacyPeer(String name, boolean online) {
        return new Peer(name, new PeerAddress("mailslot", name), T0, online, 0);
    }

    /** Received from a peer of the original program, whose carriers cannot tell who sent it. */
    public static ChatMessage unverifiedInbound(long row, String from, String body) {
        ChatMessage m = received(row, from, body, false);
        return new ChatMessage(m.rowId(), m.direction(), m.peer(), m.wireId(), m.body(), m.createdAt(), m.state(),
                m.updatedAt(), m.broadcast(), m.receipts(), false);
    }

    /**
     * {@code name} (pinned to the fingerprint {@link #peer} gives it) turned up with a fresh identity made from
     * {@code seed}, first at {@link #T0}, last {@code held} minutes later, with {@code held} messages held.
     */
    public static KeyChange keyChange(String name, int seed, int held) {
        Random random = new Random(seed);
        byte[] signing = new byte[PeerKey.KEY_BYTES];
        byte[] agreement = new byte[PeerKey.KEY_BYTES];
        random.nextBytes(signing);
        random.nextBytes(agreement);
        PeerKey key = new PeerKey(signing, agreement);
        return new KeyChange(name, fingerprintOf(name.hashCode()), key.fingerprint(), key, T0,
                T0.plusSeconds(60L * held), held);
    }

    public static ChatMessage inbound(long row, String from, String body) {
        return received(row, from, body, false);
    }

    public static ChatMessage inboundBroadcast(long row, String from, String body) {
        return received(row, from, body, true);
    }

    /** Received at {@code at}, with a store row of its own. */
    public static ChatMessage inbound(String from, String body, Instant at) {
        return new ChatMessage(FRESH_ROWS.incrementAndGet(), Direction.INBOUND, from, 7, body, at,
                DeliveryState.RECEIVED, at, false, List.of());
    }

    private static ChatMessage received(long row, String from, String body, boolean broadcast) {
        return new ChatMessage(row, Direction.INBOUND, from, (int) row, body, T0.plusSeconds(row * 60),
                DeliveryState.RECEIVED, T0.plusSeconds(row * 60), broadcast, List.of());
    }

    public static ChatMessage outbound(long row, String to, String body, DeliveryState state, Receipt... receipts) {
        return new ChatMessage(row, Direction.OUTBOUND, to, (int) row, body, T0.plusSeconds(row * 60), state,
                T0.plusSeconds(row * 60), ChatMessage.EVERYONE.equals(to), List.of(receipts));
    }
}
