package org.traytalk.wire.secure;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.traytalk.wire.FieldReader;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.PeerNames;

/**
 * Encodes and decodes {@link Announcement}s, the plaintext of an {@link AnnouncementFrame} (docs/PROTOCOL.md,
 * "Announcements"), and gives the bytes its signature covers. Pure.
 */
public final class AnnouncementCodec {
    private static final byte[] SIGNATURE_LABEL = "TrayTalk announcement 1".getBytes(StandardCharsets.US_ASCII);

    public byte[] encode(Announcement a) {
        byte[] unsigned = unsigned(a);
        return ByteBuffer.allocate(unsigned.length + Announcement.SIGNATURE_BYTES).put(unsigned).put(a.signature())
                .array();
    }

    public Announcement decode(byte[] b) throws MalformedMessageException {
        FieldReader in = new FieldReader(b);
        int at = in.position();
        int code = in.u8("kind");
        Announcement.Kind kind = null;
        for (Announcement.Kind k : Announcement.Kind.values()) {
            if (k.code == code) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new MalformedMessageException("unknown announcement kind " + code + " at offset " + at, at);
        }
        long sequence = in.s64("sequence");
        long instanceId = in.s64("instance id");
        byte[] signingKey = in.bytes(Announcement.KEY_BYTES, "signing key");
        byte[] agreementKey = in.bytes(Announcement.KEY_BYTES, "agreement key");
        String name = PeerNames.read(in, "name");
        int extensionsAt = in.position();
        byte[] extensions = in.restBefore(Announcement.SIGNATURE_BYTES, "extensions");
        checkExtensions(extensions, extensionsAt);
        byte[] signature = in.bytes(Announcement.SIGNATURE_BYTES, "signature");
        return new Announcement(kind, sequence, instanceId, signingKey, agreementKey, name, extensions, signature);
    }

    /** What the signature covers: a label, the group (announcements of one group are not valid in another), the rest. */
    public static byte[] signedBytes(Announcement a, String group) {
        byte[] groupBytes = group.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] unsigned = unsigned(a);
        return ByteBuffer.allocate(SIGNATURE_LABEL.length + 1 + groupBytes.length + unsigned.length)
                .put(SIGNATURE_LABEL).put((byte) groupBytes.length).put(groupBytes).put(unsigned).array();
    }

    /** The value of the first extension with this tag, or null. */
    public static byte[] extension(Announcement a, int tag) {
        ByteBuffer in = ByteBuffer.wrap(a.extensions());
        while (in.remaining() >= 3) {
            int t = in.get() & 0xFF;
            int length = in.getShort() & 0xFFFF;
            byte[] value = new byte[length];
            in.get(value);
            if (t == tag) {
                return value;
            }
        }
        return null;
    }

    /** Extensions built from tag/value pairs, in the map's order. */
    public static byte[] extensions(Map<Integer, byte[]> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        values.forEach((tag, value) -> {
            if (tag < 0 || tag > 255 || value.length > 0xFFFF) {
                throw new IllegalArgumentException("extension tag 0..255, value up to 65535 bytes");
            }
            out.write(tag);
            out.write(value.length >> 8);
            out.write(value.length);
            out.writeBytes(value);
        });
        return out.toByteArray();
    }

    /** Extensions with one tag/value pair. */
    public static byte[] extensions(int tag, byte[] value) {
        return extensions(Map.of(tag, value));
    }

    private static byte[] unsigned(Announcement a) {
        byte[] name = a.name().getBytes(StandardCharsets.UTF_8);
        byte[] extensions = a.extensions();
        return ByteBuffer.allocate(1 + 8 + 8 + 32 + 32 + 1 + name.length + extensions.length)
                .put((byte) a.kind().code).putLong(a.sequence()).putLong(a.instanceId()).put(a.signingKey())
                .put(a.agreementKey()).put((byte) name.length).put(name).put(extensions).array();
    }

    private static void checkExtensions(byte[] extensions, int offset) throws MalformedMessageException {
        if (extensions.length > Announcement.MAX_EXTENSION_BYTES) {
            throw new MalformedMessageException("extensions at offset " + offset + " take " + extensions.length
                    + " bytes, at most " + Announcement.MAX_EXTENSION_BYTES, offset);
        }
        int i = 0;
        while (i < extensions.length) {
            if (extensions.length - i < 3) {
                throw new MalformedMessageException("truncated extension header at offset " + (offset + i), offset + i);
            }
            int length = ((extensions[i + 1] & 0xFF) << 8) | (extensions[i + 2] & 0xFF);
            if (extensions.length - i - 3 < length) {
                throw new MalformedMessageException("extension at offset " + (offset + i) + " says " + length
                        + " bytes, only " + (extensions.length - i - 3) + " follow", offset + i);
            }
            i += 3 + length;
        }
    }
}
