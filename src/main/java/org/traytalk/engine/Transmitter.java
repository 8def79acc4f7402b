package org.traytalk.engine;

import org.traytalk.wire.FoxMessage;

/** How the outbox and presence keeper put messages on the carriers, without knowing them. */
interface Transmitter {

    /** Sends to the peer at its last known address; false when it could not be handed to a carrier. */
    boolean send(String peerName, FoxMessage message);

    /** Sends to everyone on every carrier; false when no carrier took it. */
    boolean broadcast(FoxMessage message);

    boolean isOnline(String peerName);

    /**
     * For a peer never heard from: asks for it by name (a direct DETECT) on every carrier that addresses peers by
     * name, so it answers ONLINE and what waits for it follows. False when the peer is known or no carrier took it.
     */
    boolean lookFor(String peerName);
}
