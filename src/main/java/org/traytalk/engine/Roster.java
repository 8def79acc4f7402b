package org.traytalk.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.model.Status;

/**
 * Who is out there: one entry per case-insensitive name, whatever carrier it was heard on last.
 * Plain data, touched only on the engine thread.
 */
final class Roster {

    /** What hearing from a peer changed. */
    enum Change { NONE, CAME_ONLINE, MOVED }

    private static final class Entry {
        Peer peer;
        PeerKey key;
        Instant probeSentAt;

        Entry(Peer peer) {
            this.peer = peer;
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();

    void load(List<Peer> known) {
        for (Peer p : known) {
            entries.put(p.key(), new Entry(new Peer(p.name(), p.address(), p.lastSeen(), false, p.instanceId(),
                    p.fingerprint())));
        }
    }

    /**
     * Records that something arrived from the peer; it is online from now on.
     *
     * @param instanceId its process's instance id, or 0 when this arrival does not say (the last known one stays)
     * @param key        the identity it proved, or null on the original program's carriers
     * @param status     what it announced (away, status line), or null when this arrival does not say (it stays)
     */
    Change heard(String name, PeerAddress address, long instanceId, PeerKey key, Status status, Instant now) {
        Entry entry = entries.get(Peer.keyOf(name));
        if (entry == null) {
            entry = new Entry(new Peer(name, address, now, false, instanceId));
            entries.put(Peer.keyOf(name), entry);
        }
        Peer before = entry.peer;
        long instance = instanceId != 0 ? instanceId : before.instanceId();
        entry.peer = new Peer(name, address, now, true, instance, key == null ? null : key.fingerprint(),
                status != null ? status : before.status());
        boolean newKey = !Objects.equals(entry.key, key);
        entry.key = key;
        entry.probeSentAt = null;
        if (!before.online()) {
            return Change.CAME_ONLINE;
        }
        boolean moved = !before.address().equals(address) || before.instanceId() != instance || newKey;
        return moved ? Change.MOVED : Change.NONE;
    }

    /** The identity the peer proved when last heard; null for peers on the original program's carriers. */
    PeerKey key(String name) {
        Entry entry = entries.get(Peer.keyOf(name));
        return entry == null ? null : entry.key;
    }

    /** Marks the peer offline; empty when it was not online. */
    Optional<Peer> offline(String name, Instant now) {
        Entry entry = entries.get(Peer.keyOf(name));
        if (entry == null || !entry.peer.online()) {
            return Optional.empty();
        }
        Peer p = entry.peer;
        entry.peer = new Peer(p.name(), p.address(), p.lastSeen(), false, p.instanceId(), p.fingerprint(),
                Status.AVAILABLE);
        entry.probeSentAt = null;
        return Optional.of(entry.peer);
    }

    Optional<Peer> get(String name) {
        Entry entry = entries.get(Peer.keyOf(name));
        return entry == null ? Optional.empty() : Optional.of(entry.peer);
    }

    boolean isOnline(String name) {
        return get(name).map(Peer::online).orElse(false);
    }

    /** Online peers not heard from since {@code silentSince} and not yet probed. */
    List<Peer> needingProbe(Instant silentSince) {
        List<Peer> result = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.peer.online() && e.probeSentAt == null && e.peer.lastSeen().isBefore(silentSince)) {
                result.add(e.peer);
            }
        }
        return result;
    }

    void probed(String name, Instant at) {
        Entry entry = entries.get(Peer.keyOf(name));
        if (entry != null) {
            entry.probeSentAt = at;
        }
    }

    /** Online peers probed at least {@code timeout} ago that have not answered since. */
    List<Peer> unansweredProbes(Instant now, Duration timeout) {
        List<Peer> result = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.peer.online() && e.probeSentAt != null && !e.probeSentAt.plus(timeout).isAfter(now)) {
                result.add(e.peer);
            }
        }
        return result;
    }

    int size() {
        return entries.size();
    }

    void remove(String name) {
        entries.remove(Peer.keyOf(name));
    }

    /** Offline peers, heard from longest ago first: who may make room for a newcomer. */
    List<Peer> offlineOldestFirst() {
        List<Peer> result = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (!e.peer.online()) {
                result.add(e.peer);
            }
        }
        result.sort(Comparator.comparing(Peer::lastSeen, Comparator.nullsFirst(Comparator.naturalOrder())));
        return result;
    }

    List<Peer> online() {
        return all().stream().filter(Peer::online).toList();
    }

    /** Online first, then by name. */
    List<Peer> all() {
        List<Peer> result = new ArrayList<>();
        for (Entry e : entries.values()) {
            result.add(e.peer);
        }
        result.sort(Comparator.comparing((Peer p) -> !p.online()).thenComparing(Peer::key));
        return result;
    }
}
