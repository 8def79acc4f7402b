package org.traytalk.tray.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Peer;

/** Messages that arrived while do-not-disturb was on, per sender in order of first arrival. */
final class AwayLog {

    /** One sender's tally; {@code latest} is the last message from them. */
    record Entry(String name, int count, ChatMessage latest) {
    }

    private final Map<String, Entry> bySender = new LinkedHashMap<>();

    void add(ChatMessage message) {
        bySender.merge(Peer.keyOf(message.peer()), new Entry(message.peer(), 1, message),
                (old, one) -> new Entry(one.name(), old.count() + 1, one.latest()));
    }

    void forget(String name) {
        bySender.remove(Peer.keyOf(name));
    }

    /** Everything logged, then empty. */
    List<Entry> drain() {
        List<Entry> all = new ArrayList<>(bySender.values());
        bySender.clear();
        return all;
    }
}
