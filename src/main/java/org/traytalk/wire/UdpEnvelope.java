package org.traytalk.wire;

import java.util.Arrays;
import java.util.Objects;
import org.traytalk.wire.secure.SecureFrameCodec;

/**
 * The frame around one secure-layer frame on the UDP carrier (docs/PROTOCOL.md, "UDP carrier"). Immutable; the frame
 * bytes are copied in and out and never parsed here.
 *
 * @param instanceId random id of the sending process, never 0; lets a node drop its own broadcasts cheaply
 * @param group      group name, 1..64 printable ASCII characters; the encoder upper-cases it
 * @param frame      the secure layer's frame, 1..{@link SecureFrameCodec#MAX_FRAME_BYTES} bytes
 */
public record UdpEnvelope(long instanceId, String group, byte[] frame) {

    public static final int MAX_GROUP_BYTES = 64;

    public UdpEnvelope {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(frame, "frame");
        if (instanceId == 0) {
            throw new IllegalArgumentException("instance id must not be 0");
        }
        if (group.isEmpty() || group.length() > MAX_GROUP_BYTES || !isPrintableAscii(group)) {
            throw new IllegalArgumentException("group name must be 1.." + MAX_GROUP_BYTES
                    + " printable ASCII characters: " + group);
        }
        if (frame.length < 1 || frame.length > SecureFrameCodec.MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("frame of " + frame.length + " bytes is outside 1.."
                    + SecureFrameCodec.MAX_FRAME_BYTES);
        }
        frame = frame.clone();
    }

    /** True for printable ASCII without spaces (0x21..0x7E), which is what a group name may hold. */
    static boolean isPrintableAscii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpEnvelope e && e.instanceId == instanceId && e.group.equals(group)
                && Arrays.equals(e.frame, frame);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instanceId, group, Arrays.hashCode(frame));
    }

    @Override
    public String toString() {
        return "UdpEnvelope[instance=" + Long.toHexString(instanceId) + ", group=" + group + ", frame="
                + frame.length + " bytes]";
    }
}
