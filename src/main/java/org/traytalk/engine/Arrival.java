package org.traytalk.engine;

import java.util.List;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.model.Status;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.SystemBody;

/**
 * A datagram that passed the screen: decoded, meant for this node, from somebody else, and known to be from whom.
 *
 * @param source     where it came from; replies go there
 * @param broadcast  it was sent to everyone
 * @param instanceId the sending process's instance id, 0 when unknown (the carrier does not carry one)
 * @param message    the message; for an announcement, the system message it stands for
 * @param system     what a system message asks for; null for a user message
 * @param key        the TrayTalk identity that sent it, proven by the secure layer; null on the original
 *                   program's carriers
 * @param trust      whether that identity may use the sender's name
 * @param status     the status an announcement carried; null when the arrival does not say
 * @param seen       for a seen receipt: the wire ids of our messages its sender was shown; null for anything else
 * @param challenge  for a DETECT announcement: the challenge an answer must echo; null otherwise
 * @param listsUs    for a DETECT to everyone: its sender's run answered one of ours lately, so it lists this node
 *                   and needs no answer
 */
record Arrival(PeerAddress source, boolean broadcast, long instanceId, FoxMessage message, SystemBody system,
               PeerKey key, Trust trust, Status status, List<Integer> seen, byte[] challenge, boolean listsUs) {

    /** How far the sender's name can be believed. */
    enum Trust {
        /** The identity pinned to the name sent it. */
        VERIFIED,
        /** The original program's carrier: anyone could have sent it under this name. */
        UNVERIFIED,
        /** Another identity than the one pinned to the name: held apart until the user accepts it. */
        KEY_CHANGED,
        /**
         * An announcement this run heard unasked from an identity it had not heard yet: possibly a recording. Only a
         * DETECT in it is answered; the identity was asked directly, and counts once it answers.
         */
        UNPROVEN
    }

    String sender() {
        return message.sender();
    }

    boolean is(SystemBody.Kind kind) {
        return system != null && system.kind() == kind;
    }
}
