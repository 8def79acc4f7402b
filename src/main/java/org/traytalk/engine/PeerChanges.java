package org.traytalk.engine;

import java.time.Instant;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.model.Status;
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

    /**
     * Something arrived from the peer: it is online, perhaps at a new address, in a new process or identity, or with
     * another status ({@code status} null when the arrival does not say).
     */
    void heard(String name, PeerAddress address, long instanceId, PeerKey key, Status status, Instant now) {
        Status before = roster.get(name).filter(Peer::online).map(Peer::status).orElse(Status.AVAILABLE);
        Roster.Change change = roster.heard(name, address, instanceId, key, status, now);
        Peer peer = roster.get(name).orElseThrow();
        if (!peer.status().equals(before)) {
            listeners.fire(l -> l.statusChanged(peer.name(), peer.status()));
        }
        if (change == Roster.Change.NONE) {
            return;
        }
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
