package org.traytalk.tray.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.Direction;
import org.traytalk.model.Peer;

/**
 * Which names the user interface marks "not verified": peers of the original program, whose carriers cannot prove
 * who sent what. The roster's word counts; for a name it has not described, the newest message received under it.
 * Unknown names are not marked. UI-thread confined.
 */
public final class VerifiedPeers {
    /** The words every screen puts beside such a name. */
    public static final String NOT_VERIFIED = "not verified";

    private final Map<String, Boolean> roster = new HashMap<>(); // key -> verified
    private final Map<String, Boolean> messages = new HashMap<>(); // key -> newest inbound message verified

    /** Starts over from the roster's list. */
    public void reset(List<Peer> peers) {
        roster.clear();
        peers.forEach(this::peer);
    }

    /** The roster described {@code p} (online, offline, or with another identity now). */
    public void peer(Peer p) {
        roster.put(p.key(), p.verified());
    }

    /** A message received: tells for its sender while the roster has not. */
    public void message(ChatMessage m) {
        if (m.direction() == Direction.INBOUND) {
            messages.put(Peer.keyOf(m.peer()), m.verified());
        }
    }

    /** Whether {@code name} is known to be a peer that cannot be verified; false for Everyone and unknown names. */
    public boolean unverified(String name) {
        String key = Conversation.keyOf(name);
        if (ChatMessage.EVERYONE.equals(key)) {
            return false;
        }
        Boolean verified = roster.containsKey(key) ? roster.get(key) : messages.get(key);
        return verified != null && !verified;
    }

    /** The name as plain text, with "(not verified)" when it is such a peer: "CAROL (not verified)". */
    public String label(String name) {
        return label(name, unverified(name));
    }

    public static String label(String name, boolean unverified) {
        return PlainText.label(name) + (unverified ? " (" + NOT_VERIFIED + ")" : "");
    }
}
