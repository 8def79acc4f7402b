package org.traytalk.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Encodes and decodes {@link UdpEnvelope}s (docs/PROTOCOL.md, "UDP carrier"). Pure: no I/O, no state.
 * Every decoding failure is a {@link MalformedMessageException} naming the field and its offset.
 */
public final class UdpEnvelopeCodec {

    private static final byte[] MAGIC = {'T', 'T', 'L', 'K'};
    public static final int VERSION = 1;
    /** Flag bit 0: the text in the message is UTF-8. */
    public static final int FLAG_UTF8 = 0x01;
    static final int GROUP_LENGTH_OFFSET = 14;
    /** Magic, version, flags, instance id and the two length bytes. */
    public static final int FIXED_BYTES = GROUP_LENGTH_OFFSET + 2;

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
        byte[] recipient = envelope.recipient().getBytes(StandardCharsets.UTF_8);
        byte[] message = envelope.message();
        ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + group.length + recipient.length + message.length);
        out.put(MAGIC).put((byte) VERSION).put((byte) FLAG_UTF8).putLong(envelope.instanceId());
        out.put((byte) group.length).put(group);
        out.put((byte) recipient.length).put(recipient);
        out.put(message);
        return out.array();
    }

    public UdpEnvelope decode(byte[] b, int off, int len) throws MalformedMessageException {
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException("range " + off + "+" + len + " outside " + b.length + " bytes");
        }
        Cursor in = new Cursor(b, off, len);
        if (!hasMagic(b, off, len)) {
            throw new MalformedMessageException("no TTLK magic at offset 0");
        }
        in.skip(MAGIC.length, "magic");
        int version = in.u8("version");
        if (version != VERSION) {
            throw new MalformedMessageException("unsupported envelope version " + version);
        }
        in.u8("flags"); // only the UTF-8 bit is defined and the text is UTF-8 either way
        int idAt = in.position();
        long instanceId = in.s64("instance id");
        if (instanceId == 0) {
            throw new MalformedMessageException("instance id is 0 at offset " + idAt);
        }
        String group = in.ascii(in.length("group name length", UdpEnvelope.MAX_GROUP_BYTES), "group name");
        String recipient = in.utf8(in.length("recipient length", UdpEnvelope.MAX_RECIPIENT_BYTES), "recipient");
        int messageAt = in.position();
        byte[] message = in.rest();
        if (message.length < UdpEnvelope.MIN_MESSAGE_BYTES) {
            throw new MalformedMessageException("message at offset " + messageAt + " has " + message.length
                    + " bytes, fewer than the " + UdpEnvelope.MIN_MESSAGE_BYTES + "-byte message header");
        }
        return new UdpEnvelope(instanceId, group, recipient, message);
    }

    /** Reads fields in order; offsets in messages are relative to the envelope start. */
    private static final class Cursor {
        private final byte[] b;
        private final int start;
        private final int end;
        private int pos;

        Cursor(byte[] b, int off, int len) {
            this.b = b;
            this.start = off;
            this.end = off + len;
            this.pos = off;
        }

        int position() {
            return pos - start;
        }

        void need(int n, String field) throws MalformedMessageException {
            if (end - pos < n) {
                throw new MalformedMessageException("truncated: " + field + " needs " + n + " bytes at offset "
                        + position() + ", only " + (end - pos) + " left");
            }
        }

        void skip(int n, String field) throws MalformedMessageException {
            need(n, field);
            pos += n;
        }

        int u8(String field) throws MalformedMessageException {
            need(1, field);
            return b[pos++] & 0xFF;
        }

        long s64(String field) throws MalformedMessageException {
            need(Long.BYTES, field);
            long v = ByteBuffer.wrap(b, pos, Long.BYTES).getLong();
            pos += Long.BYTES;
            return v;
        }

        int length(String field, int max) throws MalformedMessageException {
            int at = position();
            int n = u8(field);
            if (n < 1 || n > max) {
                throw new MalformedMessageException(field + " " + n + " at offset " + at + " is outside 1.." + max);
            }
            return n;
        }

        String ascii(int n, String field) throws MalformedMessageException {
            need(n, field);
            String s = new String(b, pos, n, StandardCharsets.US_ASCII);
            if (!UdpEnvelope.isPrintableAscii(s)) {
                throw new MalformedMessageException(field + " at offset " + position() + " is not printable ASCII");
            }
            pos += n;
            return s;
        }

        String utf8(int n, String field) throws MalformedMessageException {
            need(n, field);
            try {
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, pos, n));
                pos += n;
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw new MalformedMessageException(field + " at offset " + position() + " is not valid UTF-8");
            }
        }

        byte[] rest() {
            byte[] out = Arrays.copyOfRange(b, pos, end);
            pos = end;
            return out;
        }
    }
}
