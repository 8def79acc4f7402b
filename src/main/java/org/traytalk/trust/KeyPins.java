package org.traytalk.trust;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.traytalk.model.KeyPin;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerKey;
import org.traytalk.store.MessageStore;

/**
 * Which TrayTalk identity each name belongs to: the first identity heard under a name is pinned to it (trust on
 * first use); another identity under a pinned name is a conflict, until the user accepts it. Kept in memory, written
 * through to the store. Engine thread only.
 */
public final class KeyPins {

    /** What a claim to a name amounts to. */
    public enum Verdict {
        /** The name's pinned identity (perhaps pinned just now). */
        VERIFIED,
        /** Another identity than the one pinned to the name. */
        CONFLICT
    }

    private final MessageStore store;
    private final Map<String, PeerKey> pins = new HashMap<>();
    /** How many names each identity holds (a renamed peer holds its old name too). */
    private final Map<PeerKey, Integer> names = new HashMap<>();

    public KeyPins(MessageStore store) {
        this.store = store;
    }

    /** Reads the pins from the store. */
    public void load() {
        pins.clear();
        names.clear();
        for (KeyPin p : store.pins()) {
            put(p.name(), p.key());
        }
    }

    /** Decides a claim of {@code key} to {@code name}, pinning the name if it is new. */
    public Verdict check(String name, PeerKey key, Instant now) {
        PeerKey pinned = pins.get(Peer.keyOf(name));
        if (pinned == null) {
            store.pin(name, key, now);
            put(name, key);
            return Verdict.VERIFIED;
        }
        return pinned.equals(key) ? Verdict.VERIFIED : Verdict.CONFLICT;
    }

    /** The identity pinned to {@code name}. */
    public Optional<PeerKey> pinned(String name) {
        return Optional.ofNullable(pins.get(Peer.keyOf(name)));
    }

    /** Whether {@code key} is pinned to any name. */
    public boolean isPinned(PeerKey key) {
        return names.containsKey(key);
    }

    /** The store forgot {@code name}: whoever comes under it next is pinned afresh. */
    public void forget(String name) {
        release(pins.remove(Peer.keyOf(name)));
    }

    /** The user accepted {@code key} for {@code name} (the store has it already). */
    public void accepted(String name, PeerKey key) {
        put(name, key);
    }

    private void put(String name, PeerKey key) {
        release(pins.put(Peer.keyOf(name), key));
        names.merge(key, 1, Integer::sum);
    }

    /** {@code key} (when not null) holds one name fewer. */
    private void release(PeerKey key) {
        if (key != null) {
            names.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
        }
    }
}
