package org.traytalk.model;

/**
 * One conversation: the direct messages with one peer, or the broadcasts sent and received ("Everyone").
 *
 * @param key    {@link Peer#keyOf} of the peer, or {@link ChatMessage#EVERYONE} for broadcasts
 * @param name   the peer's name as last heard (the roster's spelling, else the newest message's), or {@code *}
 * @param online whether the peer is online (always false for Everyone)
 * @param unread received messages the user has not read yet
 * @param latest the newest message in it (its receipts left out), or null when there is none yet
 */
public record Conversation(String key, String name, boolean online, int unread, ChatMessage latest) {

    public Conversation {
        if (unread < 0) {
            throw new IllegalArgumentException("unread must not be negative, was " + unread);
        }
    }

    /** A conversation without messages, e.g. with a peer just seen online. */
    public static Conversation empty(String peer, boolean online) {
        String key = keyOf(peer);
        return new Conversation(key, ChatMessage.EVERYONE.equals(key) ? key : peer.strip(), online, 0, null);
    }

    public boolean everyone() {
        return ChatMessage.EVERYONE.equals(key);
    }

    /** The conversation a message belongs to: a broadcast (either direction) goes to Everyone. */
    public static String keyOf(ChatMessage m) {
        return m.broadcast() || ChatMessage.EVERYONE.equals(m.peer()) ? ChatMessage.EVERYONE : Peer.keyOf(m.peer());
    }

    /** The name of the conversation a message belongs to: the peer as that message spells it, or {@code *}. */
    public static String nameOf(ChatMessage m) {
        return ChatMessage.EVERYONE.equals(keyOf(m)) ? ChatMessage.EVERYONE : m.peer();
    }

    /** The key for a peer name as the UI passes it; {@code *} means Everyone. */
    public static String keyOf(String peer) {
        return ChatMessage.EVERYONE.equals(peer.strip()) ? ChatMessage.EVERYONE : Peer.keyOf(peer);
    }

    /** With {@code m} as its newest message (keeping the name it has), counting it as unread when it is received. */
    public Conversation withArrived(ChatMessage m) {
        boolean unseen = m.direction() == Direction.INBOUND && (latest == null || m.rowId() > latest.rowId());
        boolean newer = latest == null || m.rowId() >= latest.rowId();
        return new Conversation(key, name, online, unseen ? unread + 1 : unread, newer ? m : latest);
    }

    public Conversation withOnline(boolean now) {
        return new Conversation(key, name, now, unread, latest);
    }
}
