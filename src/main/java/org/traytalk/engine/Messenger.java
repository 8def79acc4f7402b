package org.traytalk.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;

/**
 * A running TrayTalk node as the user interfaces see it. Safe to call from any thread.
 */
public interface Messenger extends AutoCloseable {

    /** The name this node sends as. */
    String localName();

    /**
     * Stores the message, then sends it; delivery goes on in the background (see {@link MessengerListener}).
     *
     * @param recipient a peer's name, or {@link ChatMessage#EVERYONE} for everyone
     * @return the stored message, QUEUED or SENT
     */
    ChatMessage send(String recipient, String text) throws MessengerException;

    /** How {@code text} would go to {@code recipient} now; for a compose window's counter. Nothing is sent. */
    default SendSize measure(String recipient, String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        return new SendSize(bytes, EngineOptions.MAX_BODY_BYTES, 1, "");
    }

    /** Every known peer, online ones first, then by name. */
    List<Peer> peers();

    List<ChatMessage> history(HistoryQuery query);

    /**
     * Every conversation (one per peer, {@code *} for Everyone) with its newest message and unread count, newest
     * first, then known peers without messages; one read of the store.
     */
    List<Conversation> conversations();

    /**
     * The user has read the conversation {@code conversation} (a {@link Conversation#key}) up to and including the
     * message with row id {@code upToRowId}: its unread count drops for the tray, the pop-ups and every window
     * ({@link MessengerListener#conversationRead}), and stays so after a restart. This is also the moment a "seen"
     * receipt is due to the senders that asked for one (not sent yet: the wire has no such message).
     */
    void markRead(String conversation, long upToRowId);

    /** This installation's identity, as the code people compare. */
    Fingerprint fingerprint();

    /** Names that turned up with another identity than the one pinned to them, waiting for the user's decision. */
    List<KeyChange> keyChanges();

    /**
     * The user compared codes and accepts the identity {@code offered} for {@code name}: it is pinned, and what it sent
     * meanwhile moves into the conversation.
     *
     * @throws MessengerException when no such identity turned up under that name (the message says what to check)
     */
    void trust(String name, Fingerprint offered) throws MessengerException;

    /**
     * What this user shows others: away or not, and a status line. Kept here, told to the listeners
     * ({@link MessengerListener#statusChanged} with {@link #localName}) and announced to TrayTalk peers; the original
     * program's peers keep seeing plain ONLINE.
     */
    void setStatus(Status status);

    /** This user's status as last set; {@link Status#AVAILABLE} at start. */
    Status status();

    /** Asks everyone to announce themselves again (a DETECT broadcast), like the original's Refresh button. */
    void refresh();

    /** Adds a listener; the returned handle removes it. */
    AutoCloseable subscribe(MessengerListener listener);

    /** Says OFFLINE, stops the carriers and closes the store. */
    @Override
    void close();
}
