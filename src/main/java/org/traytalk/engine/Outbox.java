package org.traytalk.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.traytalk.flow.Allowance;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Peer;
import org.traytalk.model.Receipt;
import org.traytalk.store.MessageStore;
import org.traytalk.wire.FoxMessage;

/**
 * Outgoing messages until every recipient confirmed them or they fail: sends, resends with backoff while
 * the recipient is online, waits while it is offline, fails after the configured time. A recipient that appears (or
 * moves) gets what waits for it at once, but at most once per {@link #FLUSH_PER_PEER}: presence can be forged, and
 * each forged announcement would otherwise send the whole queue again. Engine thread only.
 */
final class Outbox {
    /** One immediate resend of everything waiting per peer every 5 seconds; the backoff timers do the rest. */
    static final Duration FLUSH_GAP = Duration.ofSeconds(5);
    static final Allowance.Rate FLUSH_PER_PEER = Allowance.Rate.oncePer(FLUSH_GAP.toSeconds());

    /** One tracked message and a resend timer per unconfirmed recipient. */
    private static final class Pending {
        ChatMessage message;
        final Map<String, Integer> attempts = new HashMap<>();
        final Map<String, Scheduler.Timer> timers = new HashMap<>();
        Scheduler.Timer deadline;

        Pending(ChatMessage message) {
            this.message = message;
        }
    }

    private final MessageStore store;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Backoff backoff;
    private final Transmitter transmitter;
    private final Supplier<EngineOptions> options;
    private final Consumer<ChatMessage> updated;
    private final Allowance<String> flushes;
    private final SentMarks sentMarks;
    private final Map<String, Scheduler.Timer> laterFlushes = new HashMap<>();
    // in the order the messages were written: what waits for a peer goes out in that order when it comes online
    private final Map<Integer, Pending> byWireId = new LinkedHashMap<>();

    /** @param flushes how often a peer that appears gets what waits for it at once ({@link #FLUSH_PER_PEER}) */
    Outbox(MessageStore store, Scheduler scheduler, Clock clock, Backoff backoff, Transmitter transmitter,
           Supplier<EngineOptions> options, Consumer<ChatMessage> updated, Allowance<String> flushes,
           SentMarks sentMarks) {
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.backoff = backoff;
        this.transmitter = transmitter;
        this.options = options;
        this.updated = updated;
        this.flushes = flushes;
        this.sentMarks = sentMarks;
    }

    /**
     * Tracks a message just committed and sends it to whoever is online; it is marked SENT once it left (shortly
     * after, see {@link SentMarks}, unless its receipt came first).
     */
    ChatMessage add(ChatMessage stored) {
        if (stored.broadcast() && stored.receipts().isEmpty()) {
            // nobody to confirm it, and nobody to send it to again: SENT once a carrier took it, else not delivered
            Runnable failed = () -> updated.accept(store.updateState(stored.rowId(), DeliveryState.FAILED,
                    clock.instant()));
            if (!transmitter.broadcast(wireMessage(stored),
                    () -> updated.accept(store.updateState(stored.rowId(), DeliveryState.SENT, clock.instant())),
                    failed)) {
                failed.run(); // no carrier of the original program to broadcast on, and nobody online
            }
            return stored;
        }
        Pending pending = track(stored);
        if (!stored.broadcast()) {
            attempt(pending, stored.peer());
            return pending.message;
        }
        List<String> reached = stored.receipts().stream().map(Receipt::peer).filter(transmitter::reachedByBroadcast)
                .toList();
        transmitter.broadcast(wireMessage(stored),
                () -> sentMarks.later(() -> reached.forEach(peer -> markSent(pending, peer))));
        for (Receipt r : stored.receipts()) {
            if (reached.contains(r.peer())) {
                pending.attempts.put(r.peer(), 1);
                scheduleResend(pending, r.peer(), 1);
            } else {
                attempt(pending, r.peer()); // in its own session: a broadcast does not reach it
            }
        }
        return pending.message;
    }

    /** Takes over what an earlier run left unconfirmed; sent as recipients come online. */
    void restore(List<ChatMessage> pendingMessages) {
        for (ChatMessage m : pendingMessages) {
            Pending p = track(m);
            for (String peer : unconfirmed(p)) {
                attempt(p, peer);
            }
        }
    }

    /**
     * A recipient (re)appeared: send what waits for it at once, or, if it did so a moment ago, once the gap is over
     * (what waits for a peer that was offline has no resend timer of its own).
     */
    void peerOnline(String peer) {
        String key = Peer.keyOf(peer);
        if (flushes.take(key)) {
            flush(peer);
        } else if (!laterFlushes.containsKey(key) && waitsFor(peer)) {
            laterFlushes.put(key, scheduler.schedule(FLUSH_GAP, () -> {
                laterFlushes.remove(key);
                flush(peer);
            }));
        }
    }

    private void flush(String peer) {
        for (Pending p : List.copyOf(byWireId.values())) {
            if (unconfirmed(p).stream().anyMatch(peer::equalsIgnoreCase)) {
                String name = receiptName(p, peer);
                cancelTimer(p, name);
                p.attempts.remove(name);
                attempt(p, name);
            }
        }
    }

    private boolean waitsFor(String peer) {
        return byWireId.values().stream().anyMatch(p -> unconfirmed(p).stream().anyMatch(peer::equalsIgnoreCase));
    }

    /** A {@code CONF <wireId>} arrived from {@code peer}. */
    void confirmed(String peer, int wireId) {
        Pending p = byWireId.get(wireId);
        if (p == null) {
            return;
        }
        boolean expected = p.message.receipts().stream().anyMatch(r -> r.peer().equalsIgnoreCase(peer));
        if (!expected && !p.message.broadcast()) {
            return;
        }
        String name = expected ? receiptName(p, peer) : peer;
        cancelTimer(p, name);
        p.message = store.updateReceipt(p.message.rowId(), name, DeliveryState.DELIVERED, clock.instant());
        updated.accept(p.message);
        if (p.message.state().isFinal()) {
            forget(p);
        }
    }

    /**
     * {@code peer}'s TrayTalk showed it our messages {@code wireIds}: delivered (the receipt may have been lost), and
     * seen. Ids of messages {@code peer} was not a recipient of are ignored.
     */
    void seen(String peer, List<Integer> wireIds) {
        for (int wireId : wireIds) {
            confirmed(peer, wireId);
            store.findOutgoing(wireId)
                    .filter(m -> m.receipts().stream().anyMatch(r -> r.peer().equalsIgnoreCase(peer)))
                    .ifPresent(m -> updated.accept(store.updateReceipt(m.rowId(), receiptName(m, peer),
                            DeliveryState.SEEN, clock.instant())));
        }
    }

    /** Stops every timer (the messages stay in the store for the next run). */
    void stop() {
        sentMarks.write();
        laterFlushes.values().forEach(Scheduler.Timer::cancel);
        laterFlushes.clear();
        for (Pending p : byWireId.values()) {
            p.timers.values().forEach(Scheduler.Timer::cancel);
            if (p.deadline != null) {
                p.deadline.cancel();
            }
        }
        byWireId.clear();
    }

    private Pending track(ChatMessage m) {
        Pending p = new Pending(m);
        byWireId.put(m.wireId(), p);
        Instant failAt = m.createdAt().plus(options.get().failAfter());
        Duration wait = Duration.between(clock.instant(), failAt);
        p.deadline = scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> expire(p));
        return p;
    }

    private void attempt(Pending p, String peer) {
        if (!byWireId.containsKey(p.message.wireId())) {
            return;
        }
        if (!transmitter.isOnline(peer)) {
            if (transmitter.lookFor(peer)) { // a name never heard: ask again later until it answers
                scheduleResend(p, peer, p.attempts.merge(peer, 1, Integer::sum));
            }
            return;
        }
        transmitter.send(peer, wireMessage(p.message), p.message.broadcast(),
                () -> sentMarks.later(() -> markSent(p, peer)));
        scheduleResend(p, peer, p.attempts.merge(peer, 1, Integer::sum));
    }

    private void scheduleResend(Pending p, String peer, int attempt) {
        cancelTimer(p, peer);
        p.timers.put(peer, scheduler.schedule(backoff.delay(attempt), () -> {
            p.timers.remove(peer);
            attempt(p, peer);
        }));
    }

    private void markSent(Pending p, String peer) {
        if (byWireId.get(p.message.wireId()) != p) {
            return; // confirmed, failed or discarded meanwhile
        }
        boolean queued = p.message.receipts().stream()
                .anyMatch(r -> r.peer().equalsIgnoreCase(peer) && r.state() == DeliveryState.QUEUED);
        if (queued) {
            p.message = store.updateReceipt(p.message.rowId(), peer, DeliveryState.SENT, clock.instant());
            updated.accept(p.message);
        }
    }

    private void expire(Pending p) {
        if (byWireId.get(p.message.wireId()) != p) {
            return;
        }
        for (String peer : unconfirmed(p)) {
            p.message = store.updateReceipt(p.message.rowId(), peer, DeliveryState.FAILED, clock.instant());
        }
        if (!p.message.state().isFinal()) {
            p.message = store.updateState(p.message.rowId(), DeliveryState.FAILED, clock.instant());
        }
        updated.accept(p.message);
        forget(p);
    }

    private void forget(Pending p) {
        p.timers.values().forEach(Scheduler.Timer::cancel);
        p.timers.clear();
        if (p.deadline != null) {
            p.deadline.cancel();
        }
        byWireId.remove(p.message.wireId(), p);
    }

    private void cancelTimer(Pending p, String peer) {
        Scheduler.Timer t = p.timers.remove(peer);
        if (t != null) {
            t.cancel();
        }
    }

    private static List<String> unconfirmed(Pending p) {
        return p.message.receipts().stream()
                .filter(r -> r.state() == DeliveryState.QUEUED || r.state() == DeliveryState.SENT)
                .map(Receipt::peer)
                .toList();
    }

    /** The receipt's own spelling of the name, so timers and attempts use one key per peer. */
    private static String receiptName(Pending p, String peer) {
        return receiptName(p.message, peer);
    }

    private static String receiptName(ChatMessage m, String peer) {
        return m.receipts().stream().map(Receipt::peer).filter(peer::equalsIgnoreCase).findFirst().orElse(peer);
    }

    private FoxMessage wireMessage(ChatMessage m) {
        return FoxMessage.user(options.get().localName(), m.wireId(), m.body());
    }
}
