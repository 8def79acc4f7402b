package org.traytalk.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
import org.traytalk.model.Receipt;

/** A scripted {@link Messenger}: records what commands ask of it and plays the updates a test chooses. */
final class FakeMessenger implements Messenger {
    volatile List<Conversation> conversations = List.of();
    /** markRead calls, as "KEY@row". */
    final List<String> reads = new CopyOnWriteArrayList<>();
    static final Instant T0 = Instant.parse("2024-03-05T09:15:00Z");

    /** What happens when something is sent: fire updates through the fake, return the stored message, or throw. */
    @FunctionalInterface
    interface SendScript {
        ChatMessage onSend(FakeMessenger fake, ChatMessage stored) throws MessengerException;
    }

    record Sent(String recipient, String text) {
    }

    private final List<MessengerListener> listeners = new CopyOnWriteArrayList<>();
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<HistoryQuery> queries = new CopyOnWriteArrayList<>();
    final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicLong rowIds = new AtomicLong(100);
    volatile List<Peer> peers = List.of();
    volatile List<ChatMessage> history = List.of();
    volatile SendScript script = (fake, stored) -> stored.withState(DeliveryState.SENT, T0, sentReceipts(stored));
    volatile String localName = "ALICE";
    /** Runs after the script, just before send returns. */
    volatile Runnable afterSend = () -> { };

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
        try {
            return script.onSend(this, stored);
        } finally {
            afterSend.run();
        }
    }

    @Override
    public List<Peer> peers() {
        return peers;
    }

    @Override
    public List<ChatMessage> history(HistoryQuery query) {
        queries.add(query);
        return history;
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

    int subscriberCount() {
        return listeners.size();
    }

    void fire(Consumer<MessengerListener> event) {
        listeners.forEach(event);
    }

    void update(ChatMessage m) {
        fire(l -> l.messageUpdated(m));
    }

    // ---- scripts ----

    /** Returns SENT, then (before send returns, as the engine may) fires the given final state. */
    static SendScript settlesAs(DeliveryState finalState) {
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
    static SendScript queuedForever() {
        return (fake, stored) -> {
            fake.update(stored);
            return stored;
        };
    }

    static SendScript refused(String why) {
        return (fake, stored) -> {
            throw new MessengerException(why);
        };
    }

    /** A broadcast sent to everyone expected; those named confirm, the others stay SENT. */
    static SendScript broadcastConfirmedBy(String... confirming) {
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

    static List<Receipt> sentReceipts(ChatMessage m) {
        return m.receipts().stream().map(r -> new Receipt(r.peer(), DeliveryState.SENT, null)).toList();
    }

    // ---- model builders ----

    static Peer peer(String name, boolean online) {
        return new Peer(name, new PeerAddress("udp", "10.0.0." + (name.length() + 1) + ":42138"), T0, online, 7);
    }

    static ChatMessage inbound(long row, String from, String body, boolean broadcast) {
        return new ChatMessage(row, Direction.INBOUND, from, (int) row, body, T0.plusSeconds(row * 60),
                DeliveryState.RECEIVED, T0, broadcast, List.of());
    }

    static ChatMessage outbound(long row, String to, String body, DeliveryState state, Receipt... receipts) {
        return new ChatMessage(row, Direction.OUTBOUND, to, (int) row, body, T0.plusSeconds(row * 60), state, T0,
                ChatMessage.EVERYONE.equals(to), List.of(receipts));
    }
}
