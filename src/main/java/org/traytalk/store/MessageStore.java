package org.traytalk.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.KeyChange;
import org.traytalk.model.KeyPin;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerKey;

/**
 * Durable history, outbox and roster. Every method commits before it returns; a failure throws
 * {@link StoreException} with a message for the user and leaves nothing half-written.
 * Used from one thread at a time (the engine's), but safe to read from others.
 */
public interface MessageStore extends AutoCloseable {

    /** Largest wire id; ids stay within 1..MAX_WIRE_ID because the original keeps them in a 32-bit int. */
    int MAX_WIRE_ID = Integer.MAX_VALUE;

    /**
     * Reserves {@code count} consecutive wire ids that no earlier call (in this or any earlier process
     * on this store) returned, and returns the first. When the range would pass {@link #MAX_WIRE_ID}
     * it wraps to 1. The first block of a new store starts at a random point so that a reinstalled
     * node does not repeat ids its peers remember.
     */
    int reserveWireIds(int count);

    /**
     * Stores a new outgoing message in state QUEUED with one QUEUED receipt per expected recipient
     * (for a direct message: the recipient; for a broadcast: the peers online when it was sent).
     */
    ChatMessage saveOutgoing(String recipient, boolean broadcast, int wireId, String body,
                             List<String> expectedRecipients, Instant now);

    /**
     * Sets one recipient's receipt (adding it when absent, e.g. a broadcast confirmed by a peer that
     * was not expected) and derives the message state: SEEN when every receipt is SEEN, DELIVERED when every one is
     * delivered or seen,
     * else SENT if any was sent, FAILED if every unconfirmed receipt FAILED, else QUEUED.
     * A delivered receipt only goes on to SEEN (the recipient was shown it); a SEEN one never changes.
     */
    ChatMessage updateReceipt(long rowId, String peer, DeliveryState state, Instant at);

    /** Sets the message's own state, for messages without receipts (a broadcast with nobody online). */
    ChatMessage updateState(long rowId, DeliveryState state, Instant at);

    /** Outgoing messages not yet DELIVERED or FAILED, oldest first: the outbox after a restart. */
    List<ChatMessage> pendingOutgoing();

    /** The newest outgoing message with this wire id. */
    Optional<ChatMessage> findOutgoing(int wireId);

    /**
     * Commits an inbound message unless a copy of it was received at or after {@code duplicateSince} (then it
     * returns empty: a retry or duplicate). A copy of a verified sender's message has the same identity and wire id;
     * of an unverified one (the original program's), the same name (case-insensitively), wire id and text, since
     * anyone can send under any name and id there.
     *
     * @param senderKey the sender's verified identity, or null when it is not verified
     */
    Optional<ChatMessage> saveInbound(String sender, Fingerprint senderKey, int wireId, String body, boolean broadcast,
                                      Instant receivedAt, Instant duplicateSince);

    /** Every name pinned to a TrayTalk identity. */
    List<KeyPin> pins();

    /** Pins {@code key} to {@code name} (replacing any earlier identity of the name). */
    void pin(String name, PeerKey key, Instant at);

    /** Notes that {@code key}, not the identity pinned to it, turned up under {@code name}. */
    void offerKey(String name, PeerKey key, Instant at);

    /** The identities offered under pinned names, with the pinned one and how many messages wait for each. */
    List<KeyChange> keyChanges();

    /** Keeps a message from an offered identity apart; false when it is already kept (a resend). */
    boolean hold(String name, PeerKey key, int wireId, String body, boolean broadcast, Instant at);

    /**
     * The user accepted {@code key} for {@code name}: pins it, moves the messages held for it into the conversation
     * (verified, without duplicates of what arrived since {@code duplicateSince}) and forgets the name's other
     * offers. Returns the messages moved, oldest first.
     */
    List<ChatMessage> acceptKey(String name, PeerKey key, Instant at, Instant duplicateSince);

    /**
     * Reserves {@code count} consecutive numbers of this node's announcement sequence, starting no lower than
     * {@code floor} nor than anything reserved before; returns the first.
     */
    long reserveSequences(long floor, int count);

    /**
     * Runs {@code work}, whose writes through this store then commit together, once, when it returns (or not at
     * all when it throws). Lets the engine commit a burst of received messages with one disk write. Nests.
     */
    <T> T batch(Supplier<T> work);

    Optional<ChatMessage> message(long rowId);

    /** Newest first. */
    List<ChatMessage> history(HistoryQuery query);

    /**
     * Every conversation (one per peer with direct messages, {@code *} for broadcasts) with its newest message
     * (without receipts) and unread count, newest first; then each known peer without messages, by name.
     * One read, however long the history.
     */
    List<Conversation> conversations();

    /**
     * The user has read the conversation {@code conversation} (a {@link Conversation#key}) up to and including the
     * message with row id {@code upToRowId}; received messages after it stay unread. Returns the conversation as it
     * is now, empty when it has no messages.
     */
    Optional<Conversation> markRead(String conversation, long upToRowId);

    /** The received messages of {@code conversation} not read yet, up to and including row {@code upToRowId}. */
    List<ChatMessage> unreadUpTo(String conversation, long upToRowId);

    /** Inserts or replaces the peer with the same case-insensitive name. */
    void savePeer(Peer peer);

    /** Every peer ever seen (and not forgotten), with its last address and time. */
    List<Peer> peers();

    /**
     * Forgets a peer nothing ties us to: no conversation with it, no identity offered under its name. Its row and the
     * identity pinned to its name go (it is pinned afresh if it comes back). False, and nothing changed, when
     * something ties us to it.
     */
    boolean forgetPeer(String name);

    @Override
    void close();
}
