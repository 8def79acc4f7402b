package org.traytalk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.traytalk.model.ChatMessage;

/**
 * Send requests from other threads (tray, console, control clients), stored in bursts: whatever was asked
 * for since the engine's last turn is committed at once. A request alone costs one commit, as before.
 */
final class SendQueue {
    static final int MAX_BURST = 256;

    /** One request; its future completes once the message is committed (or fails with the store's error). */
    record Request(String recipient, String text, CompletableFuture<ChatMessage> result) {
    }

    /** Stores and starts one message inside the current batch; returns it. */
    interface Sender {
        ChatMessage store(Request request);

        /** Undoes the in-memory part of a message whose batch was rolled back. */
        void discard(ChatMessage notStored);
    }

    private final Scheduler scheduler;
    private final AfterCommit afterCommit;
    private final Sender sender;
    private final Queue<Request> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    SendQueue(Scheduler scheduler, AfterCommit afterCommit, Sender sender) {
        this.scheduler = scheduler;
        this.afterCommit = afterCommit;
        this.sender = sender;
    }

    CompletableFuture<ChatMessage> offer(String recipient, String text) {
        Request r = new Request(recipient, text, new CompletableFuture<>());
        queue.add(r);
        if (drainScheduled.compareAndSet(false, true)) {
            scheduler.execute(this::drain);
        }
        return r.result();
    }

    /** Stores one request right now, on the engine thread. */
    ChatMessage storeAlone(Request r) {
        return afterCommit.batch(() -> sender.store(r));
    }

    private void drain() {
        drainScheduled.set(false);
        List<Request> burst = new ArrayList<>();
        for (Request r; burst.size() < MAX_BURST && (r = queue.poll()) != null; ) {
            burst.add(r);
        }
        if (!queue.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            scheduler.execute(this::drain);
        }
        if (burst.size() > 1) {
            List<ChatMessage> started = new ArrayList<>();
            try {
                afterCommit.batch(() -> {
                    burst.forEach(r -> started.add(sender.store(r)));
                    return null;
                });
                for (int i = 0; i < burst.size(); i++) {
                    burst.get(i).result().complete(started.get(i));
                }
                return;
            } catch (RuntimeException e) {
                started.forEach(sender::discard);
                // nothing was committed: store each alone so one failure fails one message
            }
        }
        for (Request r : burst) {
            try {
                r.result().complete(storeAlone(r));
            } catch (RuntimeException e) {
                r.result().completeExceptionally(e);
            }
        }
    }

}
