package org.traytalk.model;

import java.time.Instant;
import java.util.List;

/**
 * A user message as stored in history, in either direction.
 *
 * @param rowId      the store's id for it
 * @param direction  inbound or outbound
 * @param peer       the sender (inbound) or the recipient (outbound); {@link #EVERYONE} for a broadcast
 * @param wireId     the message id on the wire
 * @param body       the text
 * @param createdAt  when it was received (inbound) or written (outbound)
 * @param state      delivery state; RECEIVED for inbound messages
 * @param updatedAt  when the state last changed
 * @param broadcast  sent to or received as "everyone"
 * @param receipts   for outbound messages: each expected or confirming recipient; empty for inbound
 * @param verified   for inbound messages: it came from the TrayTalk identity pinned to the sender's name; false for
 *                   the original program's carriers, which cannot tell who sent what. Outbound messages are ours.
 */
public record ChatMessage(long rowId, Direction direction, String peer, int wireId, String body,
                          Instant createdAt, DeliveryState state, Instant updatedAt, boolean broadcast,
                          List<Receipt> receipts, boolean verified) {

    /** The name that addresses every peer: the recipient of a broadcast on the wire and in history. */
    public static final String EVERYONE = "*";

    public ChatMessage {
        receipts = List.copyOf(receipts);
    }

    /** A verified message (all outbound ones are). */
    public ChatMessage(long rowId, Direction direction, String peer, int wireId, String body, Instant createdAt,
                       DeliveryState state, Instant updatedAt, boolean broadcast, List<Receipt> receipts) {
        this(rowId, direction, peer, wireId, body, createdAt, state, updatedAt, broadcast, receipts, true);
    }

    public ChatMessage withState(DeliveryState newState, Instant at, List<Receipt> newReceipts) {
        return new ChatMessage(rowId, direction, peer, wireId, body, createdAt, newState, at, broadcast, newReceipts,
                verified);
    }
}
