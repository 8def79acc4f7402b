package org.traytalk.model;

/** Where an outgoing message (or one recipient's copy of it) stands. Inbound messages are RECEIVED. */
public enum DeliveryState {
    /** Stored, not yet handed to a carrier (recipient offline or unknown). */
    QUEUED,
    /** Handed to a carrier at least once, no receipt yet; retried until confirmed or failed. */
    SENT,
    /** A {@code CONF} receipt arrived (for a broadcast: from every expected recipient). */
    DELIVERED,
    /** No receipt within the failure timeout. */
    FAILED,
    /** An inbound message, committed to the store. */
    RECEIVED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == RECEIVED;
    }
}
