package org.traytalk.tray.model;

import org.traytalk.model.DeliveryState;

/**
 * A reply sent from a pop-up and how it is doing.
 *
 * @param text   what was sent, sanitized for display
 * @param status where it stands
 * @param detail for REFUSED, the reason to show (the messenger's message); otherwise ""
 */
public record QuickReply(String text, Status status, String detail) {

    public enum Status {
        /** Handed to the messenger, not stored yet (a moment, unless the disk is slow). */
        SENDING,
        /** Saved; the peer is offline or unknown, it goes when the peer is heard. */
        QUEUED,
        SENT,
        DELIVERED,
        /** Delivered and shown to the recipient. */
        SEEN,
        FAILED,
        /** The messenger refused it (empty, too long, shutting down); nothing was sent. */
        REFUSED;

        static Status of(DeliveryState state) {
            return switch (state) {
                case QUEUED -> QUEUED;
                case SENT -> SENT;
                case DELIVERED -> DELIVERED;
                case SEEN -> SEEN;
                case FAILED, RECEIVED -> FAILED;
            };
        }
    }
}
