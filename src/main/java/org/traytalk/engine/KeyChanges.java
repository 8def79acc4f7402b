package org.traytalk.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerKey;
import org.traytalk.secure.SecureLink;
import org.traytalk.store.MessageStore;
import org.traytalk.trust.KeyPins;

/**
 * Identities that turn up under a name pinned to another: noted, their messages kept apart (not shown, not
 * confirmed), the user told; and the user's decision to accept one after comparing fingerprints, which pins it and
 * moves what it sent into the conversation. Engine thread only.
 */
final class KeyChanges {
    private static final Logger LOG = LoggerFactory.getLogger(KeyChanges.class);

    private final MessageStore store;
    private final KeyPins pins;
    private final PeerChanges peers;
    private final SecureLink link;
    private final Listeners listeners;
    private final Clock clock;
    private final Supplier<EngineOptions> options;
    private final Set<String> told = new HashSet<>();

    KeyChanges(MessageStore store, KeyPins pins, PeerChanges peers, SecureLink link, Listeners listeners, Clock clock,
               Supplier<EngineOptions> options) {
        this.store = store;
        this.pins = pins;
        this.peers = peers;
        this.link = link;
        this.listeners = listeners;
        this.clock = clock;
        this.options = options;
    }

    /** Something arrived from an identity that is not the one pinned to its name. */
    void arrived(Arrival in) {
        Instant now = clock.instant();
        store.offerKey(in.sender(), in.key(), now);
        boolean held = in.system() == null
                && store.hold(in.sender(), in.key(), in.message().id(), in.message().body(), in.broadcast(), now);
        String which = Peer.keyOf(in.sender()) + " " + in.key().fingerprint();
        if (told.add(which)) {
            LOG.warn("{} turned up with another key ({}) than the one pinned to the name: someone may be posing as {};"
                    + " its messages are held apart", in.sender(), in.key().fingerprint(), in.sender());
        } else if (!held) {
            return;
        }
        store.keyChanges().stream()
                .filter(c -> c.name().equalsIgnoreCase(in.sender()) && c.key().equals(in.key()))
                .findFirst().ifPresent(c -> listeners.fire(l -> l.keyChanged(c)));
    }

    List<KeyChange> pending() {
        return store.keyChanges();
    }

    /** The identity {@code offered} that turned up under {@code name}, or null. */
    KeyChange find(String name, Fingerprint offered) {
        return store.keyChanges().stream().filter(c -> c.name().equalsIgnoreCase(name) && c.offered().equals(offered))
                .findFirst().orElse(null);
    }

    /** The user compared fingerprints and accepts the change: its identity is the name's from now on. Inside a batch. */
    void accept(KeyChange change) {
        Instant now = clock.instant();
        PeerKey before = pins.pinned(change.name()).orElse(null);
        List<ChatMessage> moved = store.acceptKey(change.name(), change.key(), now,
                now.minus(options.get().duplicateWindow()));
        pins.accepted(change.name(), change.key());
        Fingerprint offered = change.offered();
        if (before != null) {
            link.forget(before);
        }
        peers.offline(change.name(), now); // back online with the accepted identity's next announcement
        told.removeIf(w -> w.startsWith(Peer.keyOf(change.name()) + " "));
        LOG.info("{} is now {} (accepted by the user); {} held messages moved into the conversation", change.name(),
                offered, moved.size());
        moved.forEach(m -> listeners.fire(l -> l.messageReceived(m)));
    }

    /** Why {@code offered} cannot be accepted for {@code name}, in words for the user. */
    String whyNot(String name, Fingerprint offered) {
        PeerKey pinned = pins.pinned(name).orElse(null);
        if (pinned != null && pinned.fingerprint().equals(offered)) {
            return name + " is already " + offered + ": nothing to accept";
        }
        return "No TrayTalk identity " + offered + " has turned up under the name " + name
                + (pinned == null ? "" : " (it is pinned to " + pinned.fingerprint() + ")")
                + "; compare the code again with what " + name + " sees in TrayTalk's About or `traytalk id`";
    }
}
