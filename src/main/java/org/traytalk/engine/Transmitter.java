package org.traytalk.engine;

import org.traytalk.wire.FoxMessage;

/**
 * How the outbox and presence keeper put messages on the carriers, without knowing them. A {@code sent} callback
 * runs once a carrier took the datagram (after the current batch committed), never for a send that failed.
 */
interface Transmitter {

    /** For sends nobody follows up on (presence). */
    Runnable NOTHING = () -> { };

    /**
     * Sends to the peer at its last known address; false when it has none or no carrier can take the message.
     *
     * @param toEveryone it is the peer's copy of a message to everyone
     */
    boolean send(String peerName, FoxMessage message, boolean toEveryone, Runnable sent);

    /**
     * Sends to everyone; false when no carrier can take it. Presence goes on every carrier; a user message only on
     * the original program's carriers, since TrayTalk's carriers take it to each peer in its own session.
     */
    default boolean broadcast(FoxMessage message, Runnable sent) {
        return broadcast(message, sent, NOTHING);
    }

    /** {@link #broadcast(FoxMessage, Runnable)}; {@code failed} runs once every carrier it went to refused it. */
    boolean broadcast(FoxMessage message, Runnable sent, Runnable failed);

    /** Whether a message broadcast to everyone reaches the peer (it is on the original program's carriers). */
    boolean reachedByBroadcast(String peerName);

    boolean isOnline(String peerName);

    /**
     * For a peer never heard from: asks for it by name (a direct DETECT) on every carrier that addresses peers by
     * name, so it answers ONLINE and what waits for it follows. False when the peer is known or no carrier took it.
     */
    boolean lookFor(String peerName);
}
