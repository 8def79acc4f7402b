package org.traytalk.engine;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Peer;
import org.traytalk.store.MessageStore;
import org.traytalk.wire.WireText;

/**
 * The one way a new outgoing message goes: split into what the recipient's carrier takes, stored with its
 * expected receipts, and handed to the outbox once the store committed it. Engine thread, inside a batch.
 */
final class MessageWriter {

    /** A message somebody asked to send; its future completes once it is committed (or fails with the reason). */
    record Request(String recipient, String text, CompletableFuture<ChatMessage> result) {
        Request(String recipient, String text) {
            this(recipient, text, new CompletableFuture<>());
        }
    }

    private final MessageStore store;
    private final Roster roster;
    private final Router router;
    private final Outbox outbox;
    private final Listeners listeners;
    private final AfterCommit afterCommit;
    private final IntSupplier ids;
    private final Clock clock;

    MessageWriter(MessageStore store, Roster roster, Router router, Outbox outbox, Listeners listeners,
                  AfterCommit afterCommit, IntSupplier ids, Clock clock) {
        this.store = store;
        this.roster = roster;
        this.router = router;
        this.outbox = outbox;
        this.listeners = listeners;
        this.afterCommit = afterCommit;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Stores the request's text; text longer than the recipient's carrier takes (250-byte legacy mailslots) goes as
     * consecutive messages, split between characters. The request completes with the first part.
     */
    void write(Request request) {
        String recipient = request.recipient().trim();
        boolean broadcast = ChatMessage.EVERYONE.equals(recipient);
        List<String> expected = broadcast ? roster.online().stream().map(Peer::name).toList() : List.of(recipient);
        Router.BodyLimit limit = router.bodyLimit(recipient, broadcast);
        String text = request.text();
        List<String> parts = WireText.encodedLength(text, limit.charset()) <= limit.maxBytes()
                ? List.of(text) : WireText.split(text, limit.charset(), limit.maxBytes());
        for (int i = 0; i < parts.size(); i++) {
            ChatMessage stored = store.saveOutgoing(recipient, broadcast, ids.getAsInt(), parts.get(i), expected,
                    clock.instant());
            listeners.fire(l -> l.messageUpdated(stored));
            boolean first = i == 0;
            afterCommit.run(() -> {
                ChatMessage started = outbox.add(stored);
                if (first) {
                    request.result().complete(started);
                }
            });
        }
    }
}
