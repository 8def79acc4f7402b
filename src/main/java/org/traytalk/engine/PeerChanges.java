package org.traytalk.engine;

import java.time.Instant;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.store.MessageStore;

/**
 * What a change in the roster sets off: the peer saved, the listeners told, and whatever waits for a peer that
 * (re)appeared sent at once. Engine thread only.
 */
final class PeerChanges {
    private final Roster roster;
    private final MessageStore store;
    private final Outbox outbox;
    private final Listeners listeners;

    PeerChanges(Roster roster, MessageStore store, Outbox outbox, Listeners listeners) {
        this.roster = roster;
        this.store = store;
        this.outbox = outbox;
        this.listeners = listeners;
    }

    /** Something arrived from the peer: it is online, perhaps at a new address, in a new process or identity. */
    void heard(String name, PeerAddress address, long instanceId, PeerKey key, Instant now) {
        Roster.Change change = roster.heard(name, address, instanceId, key, now);
        if (change == Roster.Change.NONE) {
            return;
        }
        Peer peer = roster.get(name).orElseThrow();
        store.savePeer(peer);
        if (change == Roster.Change.CAME_ONLINE) {
            listeners.fire(l -> l.peerOnline(peer));
        }
        outbox.peerOnline(peer.name());
    }

    /** The peer said goodbye or stopped answering. */
    void offline(String name, Instant now) {
        roster.offline(name, now).ifPresent(peer -> {
            store.savePeer(peer);
            listeners.fire(l -> l.peerOffline(peer));
        });
    }
}
