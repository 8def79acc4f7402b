package org.traytalk.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.traytalk.model.ChatMessage;

/**
 * The frame around one message on the UDP carrier (docs/PROTOCOL.md, "UDP carrier"). Immutable;
 * the message bytes are copied in and out and never parsed here.
 *
 * @param instanceId random id of the sending process, never 0
 * @param group      group name, 1..64 printable ASCII characters; the encoder upper-cases it
 * @param recipient  the recipient's name, 1..96 bytes in UTF-8, or {@link ChatMessage#EVERYONE}
 * @param message    the message bytes, at least the 38-byte message header
 */
public record UdpEnvelope(long instanceId, String group, String recipient, byte[] message) {

    public static final int MAX_GROUP_BYTES = 64;
    public static final int MAX_RECIPIENT_BYTES = 96;
    public static final int MIN_MESSAGE_BYTES = FoxMessage.HEADER_BYTES;

    public UdpEnvelope {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(message, "message");
        if (instanceId == 0) {
            throw new IllegalArgumentException("instance id must not be 0");
        }
        if (group.isEmpty() || group.length() > MAX_GROUP_BYTES || !isPrintableAscii(group)) {
            throw new IllegalArgumentException("group name must be 1.." + MAX_GROUP_BYTES
                    + " printable ASCII characters: " + group);
        }
        int recipientBytes = recipient.getBytes(StandardCharsets.UTF_8).length;
        if (recipientBytes < 1 || recipientBytes > MAX_RECIPIENT_BYTES) {
            throw new IllegalArgumentException("recipient name must be 1.." + MAX_RECIPIENT_BYTES
                    + " bytes in UTF-8, is " + recipientBytes);
        }
        if (message.length < MIN_MESSAGE_BYTES) {
            throw new IllegalArgumentException("message of " + message.length
                    + " bytes is shorter than the " + MIN_MESSAGE_BYTES + "-byte message header");
        }
        message = message.clone();
    }

    /** True for printable ASCII without spaces (0x21..0x7E), which is what a group name may hold. */
    static boolean isPrintableAscii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    public boolean toEveryone() {
        return ChatMessage.EVERYONE.equals(recipient);
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    /** The message length without copying it. */
    public int messageLength() {
        return message.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpEnvelope e && e.instanceId == instanceId && e.group.equals(group)
                && e.recipient.equals(recipient) && Arrays.equals(e.message, message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instanceId, group, recipient, Arrays.hashCode(message));
    }

    @Override
    public String toString() {
        return "UdpEnvelope[instance=" + Long.toHexString(instanceId) + ", group=" + group
                + ", recipient=" + recipient + ", message=" + message.length + " bytes]";
    }
}
