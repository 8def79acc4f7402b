package org.traytalk.tray.window;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.Receipt;

/** A messenger over an in-memory history that filters like the store does (peer, broadcasts, words), newest first. */
final class FakeMessenger implements Messenger {
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    final List<ChatMessage> history = new CopyOnWriteArrayList<>();
    final List<Peer> peers = new CopyOnWriteArrayList<>();
    final List<HistoryQuery> queries = new CopyOnWriteArrayList<>();
    /** Whether any history read ran on the Swing thread (it must not: reads can be slow). */
    volatile boolean readOnSwingThread;
    /** markRead calls, as "KEY@row". */
    final List<String> reads = new CopyOnWriteArrayList<>();
    final AtomicInteger conversationReads = new AtomicInteger();
    private final Map<String, Long> readPositions = new ConcurrentHashMap<>();
    private final List<MessengerListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public String localName() {
        return "ALICE";
    }

    @Override
    public ChatMessage send(String recipient, String text) {
        throw new UnsupportedOperationException("the history window does not send");
    }

    @Override
    public List<Peer> peers() {
        return List.copyOf(peers);
    }

    @Override
    public List<ChatMessage> history(HistoryQuery q) {
        queries.add(q);
        readOnSwingThread |= SwingUtilities.isEventDispatchThread();
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

    /** Like the store: per conversation the newest message and the received ones after the read position. */
    @Override
    public List<Conversation> conversations() {
        conversationReads.incrementAndGet();
        readOnSwingThread |= javax.swing.SwingUtilities.isEventDispatchThread();
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

    @Override
    public void markRead(String conversation, long upToRowId) {
        reads.add(conversation + "@" + upToRowId);
        readPositions.merge(conversation, upToRowId, Math::max);
        conversations().stream().filter(c -> c.key().equals(conversation)).findFirst()
                .ifPresent(now -> fire(l -> l.conversationRead(now)));
    }

    @Override
    public void refresh() {
    }

    @Override
    public AutoCloseable subscribe(MessengerListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }

    /** Fires an event as the engine would, on the calling thread. */
    void fire(Consumer<MessengerListener> event) {
        listeners.forEach(event);
    }

    @Override
    public void close() {
    }

    static Peer peer(String name, boolean online) {
        return new Peer(name, new PeerAddress("udp", "127.0.0.1:42138"), T0, online, 1);
    }

    static ChatMessage inbound(long row, String from, String body) {
        return new ChatMessage(row, Direction.INBOUND, from, (int) row, body, T0.plusSeconds(row * 60),
                DeliveryState.RECEIVED, T0.plusSeconds(row * 60), false, List.of());
    }

    static ChatMessage inboundBroadcast(long row, String from, String body) {
        return new ChatMessage(row, Direction.INBOUND, from, (int) row, body, T0.plusSeconds(row * 60),
                DeliveryState.RECEIVED, T0.plusSeconds(row * 60), true, List.of());
    }

    static ChatMessage outbound(long row, String to, String body, DeliveryState state, Receipt... receipts) {
        return new ChatMessage(row, Direction.OUTBOUND, to, (int) row, body, T0.plusSeconds(row * 60), state,
                T0.plusSeconds(row * 60), ChatMessage.EVERYONE.equals(to), List.of(receipts));
    }
}
