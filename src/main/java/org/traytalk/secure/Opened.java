package org.traytalk.secure;

import org.traytalk.model.PeerKey;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.Payload;

/** What a frame turned out to be once the secure layer checked it: all of it proven to come from {@code key}. */
public sealed interface Opened {

    /** The identity that sent it. */
    PeerKey key();

    /**
     * An announcement, signed by its key. {@code current} when it is known to be live: newer than what this run
     * heard from the identity before, or the answer to this run's own question. The first announcement of an
     * identity this run, unasked, could be a recording of an old one: it is not current, and the link has asked
     * the identity directly, at the address it came from; only a live peer can answer.
     */
    record Heard(PeerKey key, Announcement announcement, boolean current) implements Opened {
    }

    /** A payload that arrived in a session with {@code key}. */
    record Received(PeerKey key, Payload payload) implements Opened {
    }
}
