package org.traytalk.tray.window;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.traytalk.engine.Messenger;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.Peer;

/** The history reads the window makes; each may be slow (disk), so they run off the UI thread. */
final class HistoryQueries {
    /** Recent messages read to build the conversation list. */
    static final int LIST_SNAPSHOT = 2000;
    /** Messages shown per conversation. */
    static final int CONVERSATION_LIMIT = 500;
    static final int SEARCH_LIMIT = 500;

    private final Messenger messenger;

    HistoryQueries(Messenger messenger) {
        this.messenger = messenger;
    }

    /** What the conversation list starts from. */
    record Overview(List<ChatMessage> messages, List<Peer> peers) {
    }

    /** Recent history plus, for each known peer not in it, that peer's newest message. */
    Overview overview() {
        List<ChatMessage> messages = new ArrayList<>(messenger.history(HistoryQuery.latest(LIST_SNAPSHOT)));
        List<Peer> peers = messenger.peers();
        Set<String> seen = new HashSet<>();
        messages.forEach(m -> seen.add(Conversation.keyOf(m)));
        for (Peer p : peers) {
            if (seen.add(p.key())) {
                messages.addAll(messenger.history(new HistoryQuery(p.name(), null, 1)));
            }
        }
        return new Overview(messages, peers);
    }

    /** One conversation, oldest first. */
    List<ChatMessage> conversation(String key) {
        List<ChatMessage> newestFirst = messenger.history(new HistoryQuery(key, null, CONVERSATION_LIMIT));
        List<ChatMessage> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Full-text search over every conversation, newest first. */
    List<ChatMessage> search(String text) {
        return messenger.history(new HistoryQuery(null, text, SEARCH_LIMIT));
    }
}
