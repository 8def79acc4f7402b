package org.traytalk.tray.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Peer;

/**
 * The conversations the history window lists: one per peer plus Everyone, the one with the newest message first,
 * then those without messages (online peers first, then by name). Pure; UI-thread confined.
 */
final class ConversationList {
    /** Newest first by store row (the store's own order, which a clock change cannot shuffle). */
    static final Comparator<Conversation> ORDER = Comparator
            .comparing((Conversation c) -> c.latest() == null)
            .thenComparing(c -> c.latest() == null ? 0 : -c.latest().rowId())
            .thenComparing(c -> !c.everyone())
            .thenComparing(c -> !c.online())
            .thenComparing(Conversation::key);

    private final Map<String, Conversation> byKey = new HashMap<>();

    ConversationList() {
        clear();
    }

    /** Starts over from a history snapshot (any order) and the roster. */
    void reset(List<ChatMessage> history, List<Peer> peers) {
        clear();
        peers.forEach(this::presence);
        history.forEach(this::add);
    }

    private void clear() {
        byKey.clear();
        byKey.put(ChatMessage.EVERYONE, new Conversation(ChatMessage.EVERYONE, ChatMessage.EVERYONE, false, null));
    }

    /** Makes {@code m} its conversation's latest message unless a newer one is already there. */
    void add(ChatMessage m) {
        String key = Conversation.keyOf(m);
        Conversation c = byKey.computeIfAbsent(key, k -> new Conversation(k, m.peer(), false, null));
        if (c.latest() == null || c.latest().rowId() <= m.rowId()) {
            byKey.put(key, c.withLatest(m));
        }
    }

    /** Adds a peer (without messages) or updates whether it is online. */
    void presence(Peer peer) {
        String key = peer.key();
        Conversation c = byKey.get(key);
        byKey.put(key, c == null ? new Conversation(key, peer.name(), peer.online(), null) : c.withOnline(peer.online()));
    }

    /** The conversation for {@code peer} ({@code *} for Everyone), added empty if it was not there. */
    Conversation ensure(String peer) {
        return byKey.computeIfAbsent(Conversation.keyOf(peer), k -> new Conversation(k, peer.strip(), false, null));
    }

    List<Conversation> ordered() {
        List<Conversation> list = new ArrayList<>(byKey.values());
        list.sort(ORDER);
        return list;
    }
}
