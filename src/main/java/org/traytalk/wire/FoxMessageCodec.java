package org.traytalk.wire;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Pure encoder and decoder for the original program's message (docs/PROTOCOL.md, "The message"):
 * 24-byte space-padded sender, 12-character right-aligned id, two '0'/'1' flags, then the body.
 * Thread-safe and free of I/O.
 */
public final class FoxMessageCodec {

    private static final int ID_OFFSET = FoxMessage.SENDER_BYTES;
    private static final int CONFIRM_OFFSET = ID_OFFSET + FoxMessage.ID_CHARS;
    private static final int SYSTEM_OFFSET = CONFIRM_OFFSET + 1;
    private static final int BODY_OFFSET = FoxMessage.HEADER_BYTES;

    private final WireText text;

    /** @param legacy the ANSI code page used to read text that is not valid UTF-8, usually windows-1252 */
    public FoxMessageCodec(Charset legacy) {
        this.text = new WireText(legacy);
    }

    /**
     * Encodes {@code m} with its sender and body in {@code charset}; body characters the charset lacks become '?'.
     *
     * @throws IllegalArgumentException if the encoded sender is longer than 24 bytes
     */
    public byte[] encode(FoxMessage m, Charset charset) {
        byte[] sender = WireText.encode(m.sender(), charset);
        if (sender.length > FoxMessage.SENDER_BYTES) {
            throw new IllegalArgumentException("sender \"" + m.sender() + "\" takes " + sender.length + " bytes in "
                    + charset.name() + ", the field holds at most " + FoxMessage.SENDER_BYTES);
        }
        byte[] body = WireText.encode(m.body(), charset);
        byte[] out = new byte[BODY_OFFSET + body.length];
        Arrays.fill(out, 0, CONFIRM_OFFSET, (byte) ' ');
        System.arraycopy(sender, 0, out, 0, sender.length);
        // FoxPro STR(n,12): right-aligned; an int has at most 11 characters, so it always fits.
        byte[] id = Integer.toString(m.id()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, out, CONFIRM_OFFSET - id.length, id.length);
        out[CONFIRM_OFFSET] = flag(m.confirmRequested());
        out[SYSTEM_OFFSET] = flag(m.system());
        System.arraycopy(body, 0, out, BODY_OFFSET, body.length);
        return out;
    }

    public FoxMessage decode(byte[] bytes) throws MalformedMessageException {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes the message in {@code bytes[offset, offset + length)}. Any content that is not a valid message gives
     * {@link MalformedMessageException} and nothing else; an offset/length outside the array is a caller bug and
     * gives {@link IndexOutOfBoundsException}.
     */
    public FoxMessage decode(byte[] bytes, int offset, int length) throws MalformedMessageException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length < BODY_OFFSET) {
            throw new MalformedMessageException("message is " + length + " bytes, shorter than the "
                    + BODY_OFFSET + "-byte header", length);
        }
        String sender = decodeSender(bytes, offset);
        int id = decodeId(bytes, offset + ID_OFFSET);
        boolean confirm = decodeFlag(bytes, offset, CONFIRM_OFFSET, "confirmation flag");
        boolean system = decodeFlag(bytes, offset, SYSTEM_OFFSET, "system flag");
        String body = text.decode(bytes, offset + BODY_OFFSET, length - BODY_OFFSET);
        return new FoxMessage(sender, id, confirm, system, body);
    }

    private String decodeSender(byte[] bytes, int start) throws MalformedMessageException {
        int end = start + FoxMessage.SENDER_BYTES;
        // The original pads with spaces; NULs are trimmed too because C-style writers pad with them.
        while (end > start && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
            end--;
        }
        String sender = text.decode(bytes, start, end - start);
        if (sender.isBlank()) {
            throw new MalformedMessageException("sender (offset 0, " + FoxMessage.SENDER_BYTES
                    + " bytes) is blank", 0);
        }
        // names are keyed as sent but shown cleaned: invisible characters would make two peers look alike
        String problem = PeerNames.characterProblem(sender);
        if (problem != null) {
            throw new MalformedMessageException("sender (offset 0, " + FoxMessage.SENDER_BYTES + " bytes): "
                    + problem, 0);
        }
        return sender;
    }

    private static int decodeId(byte[] bytes, int start) throws MalformedMessageException {
        int end = start + FoxMessage.ID_CHARS;
        int i = start;
        while (i < end && bytes[i] == ' ') {
            i++;
        }
        boolean negative = i < end && bytes[i] == '-';
        if (negative) {
            i++;
        }
        if (i == end) {
            throw malformedId(bytes, start, "has no digits");
        }
        long value = 0; // at most 12 digits: cannot overflow a long
        for (; i < end; i++) {
            byte b = bytes[i];
            if (b < '0' || b > '9') {
                throw malformedId(bytes, start, "is not spaces, an optional '-' and digits");
            }
            value = value * 10 + (b - '0');
        }
        value = negative ? -value : value;
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw malformedId(bytes, start, "is outside the 32-bit integer range");
        }
        return (int) value;
    }

    private static MalformedMessageException malformedId(byte[] bytes, int start, String problem) {
        StringBuilder shown = new StringBuilder();
        for (int i = start; i < start + FoxMessage.ID_CHARS; i++) {
            int b = bytes[i] & 0xFF;
            shown.append(b >= 0x20 && b < 0x7F ? Character.toString(b) : String.format("\\x%02x", b));
        }
        return new MalformedMessageException("message id (offset " + ID_OFFSET + ", " + FoxMessage.ID_CHARS
                + " bytes) \"" + shown + "\" " + problem, ID_OFFSET);
    }

    private static boolean decodeFlag(byte[] bytes, int start, int fieldOffset, String field)
            throws MalformedMessageException {
        byte b = bytes[start + fieldOffset];
        if (b == '1') {
            return true;
        }
        if (b == '0') {
            return false;
        }
        throw new MalformedMessageException(String.format("%s (offset %d) is byte 0x%02x, expected '0' or '1'",
                field, fieldOffset, b & 0xFF), fieldOffset);
    }

    private static byte flag(boolean value) {
        return (byte) (value ? '1' : '0');
    }
}
