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

    /**
     * Largest message in the original format (header plus body, in bytes) this carrier delivers to one peer; longer
     * text is split to fit.
     */
    int maxMessageBytes();

    /**
     * Largest byte array {@link #send} and {@link #sendToAll} take: the message itself on the original program's
     * carriers, the secure layer's frame around it on TrayTalk's.
     */
    default int maxPayloadBytes() {
        return maxMessageBytes();
    }

    /** How text is encoded for peers reached over this carrier. */
    Charset charset();

    /**
     * True for the original program's carriers (mailslots and their NetBIOS frames): they move its plain messages,
     * which nobody can verify or keep secret. False for TrayTalk's own carriers, which move the end-to-end layer's
     * frames (docs/PROTOCOL.md, "Secure frames").
     */
    default boolean legacy() {
        return false;
    }

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
