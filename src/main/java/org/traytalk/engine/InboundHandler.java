package org.traytalk.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.traytalk.model.ChatMessage;
import org.traytalk.store.MessageStore;
import org.traytalk.wire.SystemBody;

/**
 * Everything the original does with a message that passed the screen, in its order: note the sender as online,
 * commit user messages before confirming them, answer DETECT, apply CONF and OFFLINE. Engine thread, inside a
 * batch: store failures propagate, so the batch commits nothing and no receipt goes out.
 */
final class InboundHandler {
    private final PeerChanges peers;
    private final MessageStore store;
    private final Outbox outbox;
    private final Replies replies;
    private final Listeners listeners;
    private final Clock clock;
    private final Supplier<EngineOptions> options;

    InboundHandler(PeerChanges peers, MessageStore store, Outbox outbox, Replies replies, Listeners listeners,
                   Clock clock, Supplier<EngineOptions> options) {
        this.peers = peers;
        this.store = store;
        this.outbox = outbox;
        this.replies = replies;
        this.listeners = listeners;
        this.clock = clock;
        this.options = options;
    }

    void handle(Arrival in) {
        Instant now = clock.instant();
        if (in.is(SystemBody.Kind.OFFLINE)) {
            peers.offline(in.sender(), now);
            return;
        }
        peers.heard(in.sender(), in.source(), in.instanceId(), now);
        if (in.system() == null) {
            userMessage(in, now);
        } else if (in.is(SystemBody.Kind.DETECT)) {
            replies.online(in);
        } else if (in.is(SystemBody.Kind.CONF)) {
            outbox.confirmed(in.sender(), in.system().confirmedId());
        }
    }

    private void userMessage(Arrival in, Instant now) {
        Optional<ChatMessage> stored = store.saveInbound(in.sender(), in.message().id(), in.message().body(),
                in.broadcast(), now, now.minus(options.get().duplicateWindow()));
        replies.confirm(in); // a duplicate too: the first receipt may have been lost
        stored.ifPresent(m -> listeners.fire(l -> l.messageReceived(m)));
    }
}
