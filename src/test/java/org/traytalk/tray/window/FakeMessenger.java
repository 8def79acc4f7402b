package org.traytalk.tray.window;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
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
