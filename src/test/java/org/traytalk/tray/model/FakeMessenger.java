package org.traytalk.tray.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerException;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;

/** A messenger that records sends and lets the test fire events. */
final class FakeMessenger implements Messenger {
    final List<Conversation> conversations = new CopyOnWriteArrayList<>();
    /** markRead calls, as "KEY@row". */
    final List<String> reads = new CopyOnWriteArrayList<>();
    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    private static final java.util.concurrent.atomic.AtomicLong INBOUND_ROWS = new java.util.concurrent.atomic.AtomicLong(1_000_000);

    record Sent(String recipient, String text) {
    }

    final List<Sent> sent = new ArrayList<>();
    final List<MessengerListener> listeners = new CopyOnWriteArrayList<>();
    final List<Peer> peers = new ArrayList<>();
    MessengerException refuse;
    DeliveryState sendState = DeliveryState.SENT;
    /** When set, send reports this state to listeners before returning (as the real engine may). */
    DeliveryState reportDuringSend;
    private long nextRow = 100;

    /** Each with its own store row, as the store gives them. */
    static ChatMessage inbound(String from, String text, Instant at) {
        return new ChatMessage(INBOUND_ROWS.incrementAndGet(), Direction.INBOUND, from, 7, text, at, DeliveryState.RECEIVED, at, false, List.of());
    }

    static Peer peer(String name, boolean online) {
        return new Peer(name, new PeerAddress("udp", "127.0.0.1:1"), T0, online, 0);
    }

    @Override
    public String localName() {
        return "ALICE";
    }

    @Override
    public ChatMessage send(String recipient, String text) throws MessengerException {
        if (refuse != null) {
            throw refuse;
        }
        sent.add(new Sent(recipient, text));
        ChatMessage m = new ChatMessage(nextRow++, Direction.OUTBOUND, recipient, 9, text, T0, sendState, T0, false,
                List.of());
        if (reportDuringSend != null) {
            fireUpdated(m, reportDuringSend);
        }
        return m;
    }

    void fireUpdated(ChatMessage m, DeliveryState state) {
        ChatMessage updated = m.withState(state, T0, List.of());
        listeners.forEach(l -> l.messageUpdated(updated));
    }

    long lastRowId() {
        return nextRow - 1;
    }

    ChatMessage lastSent(DeliveryState state) {
        Sent s = sent.get(sent.size() - 1);
        return new ChatMessage(lastRowId(), Direction.OUTBOUND, s.recipient(), 9, s.text(), T0, state, T0, false,
                List.of());
    }

    @Override
    public List<Peer> peers() {
        return List.copyOf(peers);
    }

    /** What every history read answers (filtered by nothing), or the failure it throws. */
    volatile List<ChatMessage> historyAnswer = List.of();
    volatile RuntimeException historyFailure;

    @Override
    public List<ChatMessage> history(HistoryQuery query) {
        if (historyFailure != null) {
            throw historyFailure;
        }
        return historyAnswer;
    }

    @Override
    public List<Conversation> conversations() {
        return List.copyOf(conversations);
    }

    @Override
    public void markRead(String conversation, long upToRowId) {
        reads.add(conversation + "@" + upToRowId);
    }

    @Override
    public void refresh() {
    }

    @Override
    public AutoCloseable subscribe(MessengerListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
    }
}
