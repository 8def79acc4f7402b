package org.traytalk.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.traytalk.wire.secure.SecureFrameCodec;

/**
 * Encodes and decodes {@link UdpEnvelope}s (docs/PROTOCOL.md, "UDP carrier"). Pure: no I/O, no state.
 * Every decoding failure is a {@link MalformedMessageException} naming the field and its offset.
 */
public final class UdpEnvelopeCodec {

    private static final byte[] MAGIC = {'T', 'T', 'L', 'K'};
    /** 2: the secure layer's frames; 1 was TrayTalk 0.1's plain messages, which no longer count. */
    public static final int VERSION = 2;
    /** Magic, version, flags, instance id and the group length byte. */
    public static final int FIXED_BYTES = MAGIC.length + 1 + 1 + Long.BYTES + 1;

    /** True when the bytes start with the envelope magic: anything else is not TrayTalk traffic. */
    public static boolean hasMagic(byte[] b, int off, int len) {
        if (len < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[off + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    public byte[] encode(UdpEnvelope envelope) {
        byte[] group = envelope.group().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] frame = envelope.frame();
        ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + group.length + frame.length);
        out.put(MAGIC).put((byte) VERSION).put((byte) 0).putLong(envelope.instanceId());
        out.put((byte) group.length).put(group);
        out.put(frame);
        return out.array();
    }

    public UdpEnvelope decode(byte[] b, int off, int len) throws MalformedMessageException {
        FieldReader in = new FieldReader(b, off, len);
        if (!hasMagic(b, off, len)) {
            throw new MalformedMessageException("no TTLK magic at offset 0", 0);
        }
        in.skip(MAGIC.length, "magic");
        int version = in.u8("version");
        if (version != VERSION) {
            throw new MalformedMessageException("unsupported envelope version " + version
                    + (version == 1 ? " (an older TrayTalk, which sends without encryption: update it)" : ""), 4);
        }
        in.u8("flags"); // none defined: sent as 0, ignored on receipt
        int idAt = in.position();
        long instanceId = in.s64("instance id");
        if (instanceId == 0) {
            throw new MalformedMessageException("instance id is 0 at offset " + idAt, idAt);
        }
        String group = in.ascii(in.length("group name length", UdpEnvelope.MAX_GROUP_BYTES), "group name");
        int frameAt = in.position();
        if (in.remaining() < 1 || in.remaining() > SecureFrameCodec.MAX_FRAME_BYTES) {
            throw new MalformedMessageException("frame at offset " + frameAt + " has " + in.remaining()
                    + " bytes, not 1.." + SecureFrameCodec.MAX_FRAME_BYTES, frameAt);
        }
        return new UdpEnvelope(instanceId, group, in.rest());
    }
}
