package org.traytalk.engine;

import org.traytalk.model.PeerAddress;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.SystemBody;

/**
 * A datagram that passed the screen: decoded, meant for this node, from somebody else.
 *
 * @param source     where it came from; replies go there
 * @param broadcast  it was sent to everyone
 * @param instanceId the sending process's instance id, 0 when the carrier does not carry one
 * @param message    the message
 * @param system     what a system message asks for; null for a user message
 */
record Arrival(PeerAddress source, boolean broadcast, long instanceId, FoxMessage message, SystemBody system) {

    String sender() {
        return message.sender();
    }

    boolean is(SystemBody.Kind kind) {
        return system != null && system.kind() == kind;
    }
}
