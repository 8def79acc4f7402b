package org.traytalk.tray.window;

import org.traytalk.model.ChatMessage;
import org.traytalk.model.Peer;

/**
 * One entry of the history window's list: the direct conversation with a peer, or the broadcasts ("Everyone").
 *
 * @param key    {@link Peer#keyOf} of the peer, or {@link ChatMessage#EVERYONE} for broadcasts
 * @param name   the peer's name as last seen, or {@code *}
 * @param online whether the peer is online (always false for Everyone)
 * @param latest the newest message in it, or null when there is none yet
 */
record Conversation(String key, String name, boolean online, ChatMessage latest) {

    boolean everyone() {
        return ChatMessage.EVERYONE.equals(key);
    }

    /** The conversation a message belongs to: a broadcast (either direction) goes to Everyone. */
    static String keyOf(ChatMessage m) {
        return m.broadcast() || ChatMessage.EVERYONE.equals(m.peer()) ? ChatMessage.EVERYONE : Peer.keyOf(m.peer());
    }

    /** The key for a peer name as the tray passes it; {@code *} means Everyone. */
    static String keyOf(String peer) {
        return ChatMessage.EVERYONE.equals(peer.strip()) ? ChatMessage.EVERYONE : Peer.keyOf(peer);
    }

    /** Keeps the name it has: the roster's spelling, or the first message's. */
    Conversation withLatest(ChatMessage m) {
        return new Conversation(key, name, online, m);
    }

    Conversation withOnline(boolean now) {
        return new Conversation(key, name, now, latest);
    }
}
