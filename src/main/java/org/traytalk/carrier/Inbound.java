package org.traytalk.carrier;

import org.traytalk.model.PeerAddress;

/**
 * One datagram a carrier received, its framing removed.
 *
 * @param source     where it came from; replies go there
 * @param payload    the message bytes (docs/PROTOCOL.md, "The message"); the carrier never parses them
 * @param recipient  the name it was addressed to ({@code *} for everyone), or null when the carrier cannot tell
 * @param instanceId the sending process's random instance id, or 0 when the carrier does not carry one
 */
public record Inbound(PeerAddress source, byte[] payload, String recipient, long instanceId) {
}
