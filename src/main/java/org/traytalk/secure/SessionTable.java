package org.traytalk.secure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.traytalk.model.PeerKey;

/**
 * The sessions and handshakes in progress, by this side's index (where frames are addressed) and by peer. Bounded:
 * a few sessions per peer, a fixed number overall, the oldest going first. Not thread-safe.
 */
final class SessionTable {
    static final int SESSIONS_PER_PEER = 3;
    static final int MAX_SESSIONS = 4096;
    static final int MAX_PENDING = 256;

    private final RandomGenerator random;
    private final Map<Integer, Session> byIndex = new LinkedHashMap<>(); // oldest first
    private final Map<PeerKey, Deque<Session>> byPeer = new HashMap<>(); // newest first
    private final Map<Integer, Handshakes.Pending> pending = new LinkedHashMap<>(); // oldest first
    private final Map<PeerKey, Handshakes.Pending> pendingByPeer = new HashMap<>();

    SessionTable(RandomGenerator random) {
        this.random = random;
    }

    /** A random index used by no session or handshake here; never 0, so a zeroed field never matches. */
    int newIndex() {
        int index;
        do {
            index = random.nextInt();
        } while (index == 0 || byIndex.containsKey(index) || pending.containsKey(index));
        return index;
    }

    void add(Session session) {
        byIndex.put(session.localIndex(), session);
        Deque<Session> sessions = byPeer.computeIfAbsent(session.peer(), k -> new ArrayDeque<>());
        sessions.addFirst(session);
        while (sessions.size() > SESSIONS_PER_PEER) {
            // never the one just added, which the peer uses next; of the older ones, handshakes nobody completed go
            // before sessions that carried something, then the oldest
            Session drop = sessions.stream().skip(1).filter(s -> !s.canSend()).reduce((a, b) -> b)
                    .orElse(sessions.getLast());
            sessions.remove(drop);
            byIndex.remove(drop.localIndex());
        }
        while (byIndex.size() > MAX_SESSIONS) {
            remove(byIndex.values().iterator().next());
        }
    }

    Session byIndex(int localIndex) {
        return byIndex.get(localIndex);
    }

    /** The newest session to {@code peer} that may carry a frame now, or null. */
    Session sendable(PeerKey peer, Instant now, Duration maxAge, Duration patience) {
        Deque<Session> sessions = byPeer.get(peer);
        if (sessions != null) {
            for (Session s : sessions) {
                if (s.canSend() && !s.olderThan(maxAge, now) && !s.unanswered(now, patience)) {
                    return s;
                }
            }
        }
        return null;
    }

    void addPending(Handshakes.Pending p) {
        Handshakes.Pending replaced = pendingByPeer.put(p.peer(), p);
        if (replaced != null) {
            pending.remove(replaced.localIndex());
        }
        pending.put(p.localIndex(), p);
        while (pending.size() > MAX_PENDING) {
            Handshakes.Pending oldest = pending.values().iterator().next();
            removePending(oldest);
        }
    }

    Handshakes.Pending pendingFor(PeerKey peer) {
        return pendingByPeer.get(peer);
    }

    /** Takes the handshake a reply names out of the table; null when there is none (any more). */
    Handshakes.Pending takePending(int localIndex) {
        Handshakes.Pending p = pending.get(localIndex);
        if (p != null) {
            removePending(p);
        }
        return p;
    }

    /** Forgets every session and handshake with {@code peer} (it restarted, or its key is no longer trusted). */
    void forget(PeerKey peer) {
        Deque<Session> sessions = byPeer.remove(peer);
        if (sessions != null) {
            sessions.forEach(s -> byIndex.remove(s.localIndex()));
        }
        Handshakes.Pending p = pendingByPeer.get(peer);
        if (p != null) {
            removePending(p);
        }
    }

    /**
     * Drops sessions older than {@code maxAge} and handshakes older than {@code handshakeAge}; returns the peers whose
     * handshake was given up.
     */
    List<PeerKey> expire(Instant now, Duration maxAge, Duration handshakeAge) {
        for (Session s : List.copyOf(byIndex.values())) {
            if (s.olderThan(maxAge, now)) {
                remove(s);
            }
        }
        List<PeerKey> gaveUp = new ArrayList<>();
        for (Handshakes.Pending p : List.copyOf(pending.values())) {
            if (!p.started().plus(handshakeAge).isAfter(now)) {
                removePending(p);
                gaveUp.add(p.peer());
            }
        }
        return gaveUp;
    }

    int sessions() {
        return byIndex.size();
    }

    int handshakes() {
        return pending.size();
    }

    private void remove(Session s) {
        byIndex.remove(s.localIndex());
        Deque<Session> sessions = byPeer.get(s.peer());
        if (sessions != null) {
            sessions.remove(s);
            if (sessions.isEmpty()) {
                byPeer.remove(s.peer());
            }
        }
    }

    private void removePending(Handshakes.Pending p) {
        pending.remove(p.localIndex());
        pendingByPeer.remove(p.peer(), p);
    }
}
