package org.traytalk.tray.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.Peer;

/**
 * The conversations as the store last listed them, kept current by messenger events: one per peer plus Everyone,
 * with unread counts. Applying an event twice, or one the snapshot already holds, changes nothing (row ids tell).
 * Pure; UI-thread confined.
 */
public final class ConversationList {
    /** The one with the newest message first (store row order, which a clock change cannot shuffle). */
    static final Comparator<Conversation> ORDER = Comparator
            .comparing((Conversation c) -> c.latest() == null)
            .thenComparing(c -> c.latest() == null ? 0 : -c.latest().rowId())
            .thenComparing(c -> !c.everyone())
            .thenComparing(c -> !c.online())
            .thenComparing(Conversation::key);

    private final Map<String, Conversation> byKey = new HashMap<>();

    public ConversationList() {
        reset(List.of());
    }

    /** Starts over from the store's list; Everyone is always there. */
    public void reset(List<Conversation> snapshot) {
        byKey.clear();
        byKey.put(ChatMessage.EVERYONE, Conversation.empty(ChatMessage.EVERYONE, false));
        snapshot.forEach(c -> byKey.put(c.key(), c));
    }

    /** A message was stored or changed: it is its conversation's newest (a received one unread) unless older. */
    public void arrived(ChatMessage m) {
        String key = Conversation.keyOf(m);
        byKey.put(key, byKey.getOrDefault(key, Conversation.empty(Conversation.nameOf(m), false)).withArrived(m));
    }

    /** The store's count after a read, unless what is here is already newer. */
    public void read(Conversation now) {
        Conversation here = byKey.get(now.key());
        long hereRow = here == null || here.latest() == null ? 0 : here.latest().rowId();
        long nowRow = now.latest() == null ? 0 : now.latest().rowId();
        if (here == null || nowRow >= hereRow) {
            byKey.put(now.key(), here == null ? now : now.withOnline(here.online()));
        }
    }

    /** Adds a peer (without messages) or updates whether it is online. */
    public void presence(Peer peer) {
        Conversation c = byKey.get(peer.key());
        byKey.put(peer.key(), c == null ? Conversation.empty(peer.name(), peer.online()) : c.withOnline(peer.online()));
    }

    /** The conversation for {@code peer} ({@code *} for Everyone), added empty if it was not there. */
    public Conversation ensure(String peer) {
        return byKey.computeIfAbsent(Conversation.keyOf(peer), k -> Conversation.empty(peer, false));
    }

    public Optional<Conversation> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public int unread(String key) {
        return get(key).map(Conversation::unread).orElse(0);
    }

    public int unreadTotal() {
        return byKey.values().stream().mapToInt(Conversation::unread).sum();
    }

    public List<Conversation> ordered() {
        List<Conversation> list = new ArrayList<>(byKey.values());
        list.sort(ORDER);
        return list;
    }
}
