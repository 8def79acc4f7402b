package org.traytalk.model;

/** Where an outgoing message (or one recipient's copy of it) stands. Inbound messages are RECEIVED. */
public enum DeliveryState {
    /** Stored, not yet handed to a carrier (recipient offline or unknown). */
    QUEUED,
    /** Handed to a carrier at least once, no receipt yet; retried until confirmed or failed. */
    SENT,
    /** A {@code CONF} receipt arrived (for a broadcast: from every expected recipient). */
    DELIVERED,
    /**
     * Delivered, and the recipient's TrayTalk showed it to them (a "seen" receipt; for a broadcast: every recipient).
     * Only peers that send seen receipts get here; a seen message never goes back to DELIVERED.
     */
    SEEN,
    /** No receipt within the failure timeout. */
    FAILED,
    /** An inbound message, committed to the store. */
    RECEIVED;

    public boolean isFinal() {
        return isDelivered() || this == FAILED || this == RECEIVED;
    }

    /** Confirmed by the recipient: DELIVERED, or SEEN as well. */
    public boolean isDelivered() {
        return this == DELIVERED || this == SEEN;
    }
}
