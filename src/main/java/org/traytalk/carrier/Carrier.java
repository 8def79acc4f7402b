package org.traytalk.carrier;

import java.nio.charset.Charset;
import org.traytalk.model.PeerAddress;

/**
 * Moves message bytes between nodes. A carrier frames and unframes datagrams, never parses message
 * bodies; the engine never sees sockets or handles. Single use: {@link #start} once, {@link #close} once.
 */
public interface Carrier extends AutoCloseable {

    /** Short stable name used in {@link PeerAddress#carrier()} and settings: "udp", "mailslot", "netbios". */
    String name();

    /** Largest message (header plus body, in bytes) this carrier can deliver to one peer. */
    int maxMessageBytes();

    /** How text is encoded for peers reached over this carrier. */
    Charset charset();

    /** Opens sockets or handles and starts delivering to the callback. */
    void start(CarrierCallback callback) throws CarrierException;

    /** Sends to one peer; {@code recipientName} is the peer's name, for carriers that address by name. */
    void send(PeerAddress to, String recipientName, byte[] message) throws CarrierException;

    /** Sends to everyone in the group reachable over this carrier. */
    void sendToAll(byte[] message) throws CarrierException;

    /** Stops receiving, joins the carrier's threads and releases its sockets. Idempotent. */
    @Override
    void close();
}
