package org.traytalk.secure;

import org.traytalk.model.PeerKey;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.Payload;

/** What a frame turned out to be once the secure layer checked it: all of it proven to come from {@code key}. */
public sealed interface Opened {

    /** The identity that sent it. */
    PeerKey key();

    /** An announcement, signed by its key and fresh. */
    record Heard(PeerKey key, Announcement announcement) implements Opened {
    }

    /** A payload that arrived in a session with {@code key}. */
    record Received(PeerKey key, Payload payload) implements Opened {
    }
}
