package org.traytalk.engine;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.traytalk.flow.Allowance;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Peer;
import org.traytalk.store.MessageStore;
import org.traytalk.wire.SystemBody;
import org.traytalk.wire.WireText;

/**
 * Everything the original does with a message that passed the screen, in its order: note the sender as online,
 * commit user messages before confirming them, answer DETECT, apply CONF and OFFLINE. What an identity sends under a
 * name pinned to another goes to {@link KeyChanges} instead, and counts for nothing else. What one sender may have
 * stored is limited ({@link #STORED_PER_SENDER}): past it, its messages are neither stored nor confirmed, so the
 * sender tries again later and a flood cannot fill the disk. Engine thread, inside a batch: store failures propagate,
 * so the batch commits nothing and no receipt goes out.
 */
final class InboundHandler {
    /**
     * Bytes of messages one sender (one identity; on the original program's carriers, one name) may have stored: 2 MiB
     * at once, then 128 KiB a second, each message counted as its body plus {@link #STORED_OVERHEAD} (so 2,000 short
     * messages a second, or four of the longest).
     */
    static final Allowance.Rate STORED_PER_SENDER = new Allowance.Rate(128 * 1024, 2 * 1024 * 1024);
    static final int STORED_OVERHEAD = 64;

    private final PeerChanges peers;
    private final KeyChanges keyChanges;
    private final MessageStore store;
    private final Outbox outbox;
    private final Replies replies;
    private final Listeners listeners;
    private final Clock clock;
    private final Supplier<EngineOptions> options;
    private final Allowance<Object> stored;
    private final Refusals refusals;

    /** @param stored how much each sender may have stored ({@link #STORED_PER_SENDER}) */
    InboundHandler(PeerChanges peers, KeyChanges keyChanges, MessageStore store, Outbox outbox, Replies replies,
                   Listeners listeners, Clock clock, Supplier<EngineOptions> options, Allowance<Object> stored,
                   Refusals refusals) {
        this.peers = peers;
        this.keyChanges = keyChanges;
        this.store = store;
        this.outbox = outbox;
        this.replies = replies;
        this.listeners = listeners;
        this.clock = clock;
        this.options = options;
        this.stored = stored;
        this.refusals = refusals;
    }

    void handle(Arrival in) {
        if (in.system() == null && !withinAllowance(in)) {
            return;
        }
        if (in.trust() == Arrival.Trust.KEY_CHANGED || in.trust() == Arrival.Trust.UNPROVEN) {
            if (in.trust() == Arrival.Trust.KEY_CHANGED) {
                keyChanges.arrived(in); // not online, not confirmed, not shown: maybe somebody posing as the peer
            }
            if (in.trust() == Arrival.Trust.KEY_CHANGED && in.is(SystemBody.Kind.DETECT)) {
                replies.online(in); // who we are is no secret; a reinstalled or restarted peer finds us
            } // an unproven DETECT was answered by the secure layer's question, which echoes its challenge
            return;
        }
        Instant now = clock.instant();
        if (in.is(SystemBody.Kind.OFFLINE)) {
            peers.offline(in.sender(), now);
            return;
        }
        peers.heard(in.sender(), in.source(), in.instanceId(), in.key(), in.status(), now);
        if (in.seen() != null) {
            if (options.get().seenReceipts()) {
                outbox.seen(in.sender(), in.seen());
            }
        } else if (in.system() == null) {
            userMessage(in, now);
        } else if (in.is(SystemBody.Kind.DETECT) && !in.listsUs()) {
            replies.online(in); // a peer that lists us already asks the others, not us
        } else if (in.is(SystemBody.Kind.CONF)) {
            outbox.confirmed(in.sender(), in.system().confirmedId());
        }
    }

    private boolean withinAllowance(Arrival in) {
        Object sender = in.key() != null ? in.key().fingerprint() : Peer.keyOf(in.sender());
        int bytes = STORED_OVERHEAD + WireText.encodedLength(in.message().body(), StandardCharsets.UTF_8);
        if (stored.take(sender, bytes)) {
            return true;
        }
        refusals.count("sender over its allowance of stored messages", in.source(), in.sender());
        return false;
    }

    private void userMessage(Arrival in, Instant now) {
        Optional<ChatMessage> stored = store.saveInbound(in.sender(), in.key() == null ? null : in.key().fingerprint(),
                in.message().id(), in.message().body(), in.broadcast(), now, now.minus(options.get().duplicateWindow()));
        replies.confirm(in); // a duplicate too: the first receipt may have been lost
        stored.ifPresent(m -> listeners.fire(l -> l.messageReceived(m)));
    }
}
