package org.traytalk.engine;

import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;

/**
 * What the tray, the console and {@code traytalk listen} are told. Called on the engine thread, in
 * order: implementations return quickly and hand slow work (UI, disk) to their own thread.
 */
public interface MessengerListener {

    /** An inbound user message, already committed to the store. */
    default void messageReceived(ChatMessage message) {
    }

    /** An outbound message was stored, sent, confirmed (by one recipient or all) or failed. */
    default void messageUpdated(ChatMessage message) {
    }

    /** The user read (part of) a conversation, here or in another window: {@code now} has its unread count. */
    default void conversationRead(Conversation now) {
    }

    /** A user's status changed: this node's own (named {@link Messenger#localName}) or a peer's, as it announced. */
    default void statusChanged(String name, Status status) {
    }

    default void peerOnline(Peer peer) {
    }

    default void peerOffline(Peer peer) {
    }

    /**
     * A name turned up with another identity than the one pinned to it (or such an identity sent one more message,
     * held apart): someone may be posing as that peer.
     */
    default void keyChanged(KeyChange change) {
    }

    /** Something the user should know: a carrier that could not start, a store error, a rejected datagram burst. */
    default void problem(String text) {
    }
}
