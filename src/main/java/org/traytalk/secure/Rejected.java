package org.traytalk.secure;

/** A frame the secure layer refused; {@link #reason} says why, for the counters, and the message says more. */
public final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a frame was refused. */
    public enum Reason {
        /** Not a frame at all: truncated, an unknown type, a bad field. */
        MALFORMED,
        /** Sealed or macked with another group's keys: a stranger, or a member without the passphrase. */
        NOT_IN_GROUP,
        /** A signature or handshake that does not verify. */
        FORGED,
        /** Seen before: an old announcement, hello or transport frame sent again. */
        REPLAYED,
        /** For a session or handshake this node does not have (any more): the peer restarted, or it is stray. */
        UNKNOWN_SESSION,
        /** More than the layer keeps in memory; dropped rather than grown. */
        OVER_LIMIT
    }

    private final Reason reason;

    public Rejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
