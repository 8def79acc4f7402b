package org.traytalk.wire.netbios;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.traytalk.wire.MalformedMessageException;

/**
 * A NetBIOS name with its suffix byte, in first-level encoding (RFC 1001 section 14.1) on the wire: a length
 * byte 0x20, each of 16 bytes (name upper-cased and space-padded to 15, then the suffix) as two letters
 * 'A' + nibble, then the scope (empty: a single 0x00).
 *
 * @param name   up to 15 characters, without padding
 * @param suffix the 16th byte: 0x00 for computer and workgroup names
 */
public record NetbiosName(String name, int suffix) {
    /** Bytes an encoded name takes with an empty scope. */
    public static final int WIRE_LENGTH = 34;

    public NetbiosName {
        name = upperAscii(name.strip());
        if (name.isEmpty() || name.getBytes(StandardCharsets.ISO_8859_1).length > 15
                || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(name)) {
            throw new IllegalArgumentException("NetBIOS names are 1 to 15 single-byte characters: \"" + name + "\"");
        }
        if (suffix < 0 || suffix > 0xFF) {
            throw new IllegalArgumentException("suffix must be a byte: " + suffix);
        }
    }

    /** Only a-z: Windows upper-cases names in the OEM code page, and e.g. 'ÿ' has no one-byte upper case. */
    private static String upperAscii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return sb.toString();
    }

    public static NetbiosName computer(String name) {
        return new NetbiosName(name, 0x00);
    }

    /** Same name and suffix, case-insensitively (names are upper-cased anyway). */
    public boolean matches(String otherName, int otherSuffix) {
        return name.equalsIgnoreCase(otherName.strip()) && suffix == otherSuffix;
    }

    public byte[] encode() {
        byte[] raw = new byte[16];
        byte[] chars = name.getBytes(StandardCharsets.ISO_8859_1);
        Arrays.fill(raw, (byte) ' ');
        System.arraycopy(chars, 0, raw, 0, chars.length);
        raw[15] = (byte) suffix;
        byte[] out = new byte[WIRE_LENGTH];
        out[0] = 0x20;
        for (int i = 0; i < 16; i++) {
            out[1 + 2 * i] = (byte) ('A' + ((raw[i] >> 4) & 0x0F));
            out[2 + 2 * i] = (byte) ('A' + (raw[i] & 0x0F));
        }
        out[33] = 0; // empty scope
        return out;
    }

    /** A name decoded at an offset, and where the bytes after it (scope included) start. */
    public record Decoded(NetbiosName name, int end) {
    }

    public static Decoded decode(byte[] b, int off, int limit, String field) throws MalformedMessageException {
        if (off + WIRE_LENGTH > limit) {
            throw new MalformedMessageException(field + " at offset " + off + " is truncated", off);
        }
        if (b[off] != 0x20) {
            throw new MalformedMessageException(String.format("%s at offset %d has length byte 0x%02x, not 0x20",
                    field, off, b[off] & 0xFF), off);
        }
        byte[] raw = new byte[16];
        for (int i = 0; i < 16; i++) {
            int hi = b[off + 1 + 2 * i] - 'A';
            int lo = b[off + 2 + 2 * i] - 'A';
            if (hi < 0 || hi > 15 || lo < 0 || lo > 15) {
                throw new MalformedMessageException(field + " at offset " + off + " is not first-level encoded"
                        + " (letters A to P expected)", off + 1 + 2 * i);
            }
            raw[i] = (byte) (hi << 4 | lo);
        }
        int end = off + 33;
        while (true) { // scope labels, ending with a zero length
            if (end >= limit) {
                throw new MalformedMessageException(field + " scope at offset " + end + " is truncated", end);
            }
            int label = b[end] & 0xFF;
            if (label == 0) {
                end++;
                break;
            }
            if (label > 63) {
                throw new MalformedMessageException(field + " scope label at offset " + end + " is too long", end);
            }
            end += 1 + label;
        }
        String name = new String(raw, 0, 15, StandardCharsets.ISO_8859_1).stripTrailing();
        if (name.isBlank()) {
            throw new MalformedMessageException(field + " at offset " + off + " is empty", off);
        }
        return new Decoded(new NetbiosName(name, raw[15] & 0xFF), end);
    }

    @Override
    public String toString() {
        return String.format("%s<%02X>", name, suffix);
    }
}
