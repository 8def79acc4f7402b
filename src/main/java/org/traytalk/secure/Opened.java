package org.traytalk.secure;

import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.Payload;

/** What a frame turned out to be once the secure layer checked it: all of it proven to come from {@code key}. */
public sealed interface Opened {

    /** The identity that sent it. */
    PeerKey key();

    /**
     * Where the identity is: the address it last proved it answers at. A frame of it that came from elsewhere (a
     * recording of one this node never got, sent from another address; or the peer moved) leaves this where it was
     * until the identity answers this run's question there.
     */
    PeerAddress at();

    /**
     * An announcement, signed by its key. {@code current} when it is known to be live: newer than what this run
     * heard from the identity before, or the answer to this run's own question. The first announcement of an
     * identity this run, unasked, could be a recording of an old one: it is not current, and the link has asked
     * the identity directly, at the address it came from; only a live peer can answer. {@code listsUs} for a
     * DETECT to everyone from a run of the identity that lists this node already (it answered one of this node's
     * DETECTs lately): it needs no answer.
     */
    record Heard(PeerKey key, Announcement announcement, boolean current, PeerAddress at, boolean listsUs)
            implements Opened {
    }

    /** A payload that arrived in a session with {@code key}. */
    record Received(PeerKey key, Payload payload, PeerAddress at) implements Opened {
    }
}
