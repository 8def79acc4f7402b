package org.traytalk.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the fields of a binary frame in order, for the codecs. Every shortfall or bad value becomes a
 * {@link MalformedMessageException} naming the field and its offset, counted from the start of the frame.
 */
public final class FieldReader {
    private final byte[] b;
    private final int start;
    private final int end;
    private int pos;

    /** Reads {@code b[off, off + len)}; a range outside the array is a caller bug (IndexOutOfBoundsException). */
    public FieldReader(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException("range " + off + "+" + len + " outside " + b.length + " bytes");
        }
        this.b = b;
        this.start = off;
        this.end = off + len;
        this.pos = off;
    }

    public FieldReader(byte[] b) {
        this(b, 0, b.length);
    }

    /** Offset of the next field from the start of the frame. */
    public int position() {
        return pos - start;
    }

    public int remaining() {
        return end - pos;
    }

    public void need(int n, String field) throws MalformedMessageException {
        if (end - pos < n) {
            throw new MalformedMessageException("truncated: " + field + " needs " + n + " bytes at offset "
                    + position() + ", only " + (end - pos) + " left", position());
        }
    }

    public void skip(int n, String field) throws MalformedMessageException {
        need(n, field);
        pos += n;
    }

    public int u8(String field) throws MalformedMessageException {
        need(1, field);
        return b[pos++] & 0xFF;
    }

    public int s32(String field) throws MalformedMessageException {
        need(Integer.BYTES, field);
        int v = ByteBuffer.wrap(b, pos, Integer.BYTES).getInt();
        pos += Integer.BYTES;
        return v;
    }

    public long s64(String field) throws MalformedMessageException {
        need(Long.BYTES, field);
        long v = ByteBuffer.wrap(b, pos, Long.BYTES).getLong();
        pos += Long.BYTES;
        return v;
    }

    /** A one-byte length in 1..max. */
    public int length(String field, int max) throws MalformedMessageException {
        int at = position();
        int n = u8(field);
        if (n < 1 || n > max) {
            throw new MalformedMessageException(field + " " + n + " at offset " + at + " is outside 1.." + max, at);
        }
        return n;
    }

    public byte[] bytes(int n, String field) throws MalformedMessageException {
        need(n, field);
        byte[] out = Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return out;
    }

    /** Printable ASCII without spaces (0x21..0x7E). */
    public String ascii(int n, String field) throws MalformedMessageException {
        need(n, field);
        String s = new String(b, pos, n, StandardCharsets.US_ASCII);
        if (!s.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new MalformedMessageException(field + " at offset " + position() + " is not printable ASCII",
                    position());
        }
        pos += n;
        return s;
    }

    /** Strict UTF-8: malformed or unmappable input is refused, never replaced. */
    public String utf8(int n, String field) throws MalformedMessageException {
        need(n, field);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, pos, n));
            pos += n;
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException(field + " at offset " + position() + " is not valid UTF-8",
                    position());
        }
    }

    /** Everything up to the end. */
    public byte[] rest() {
        byte[] out = Arrays.copyOfRange(b, pos, end);
        pos = end;
        return out;
    }

    /** Everything up to the last {@code keep} bytes, which stay to be read. */
    public byte[] restBefore(int keep, String field) throws MalformedMessageException {
        need(keep, field);
        return bytes(end - pos - keep, field);
    }
}
