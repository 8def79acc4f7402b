package org.traytalk.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The text rule for message fields: bytes that are valid UTF-8 are read as UTF-8, anything else
 * with the legacy ANSI code page the original program writes (pure ASCII reads the same either way).
 * Also the byte arithmetic needed to respect the original's 250-byte mailslot limit.
 */
public final class WireText {

    private final Charset legacy;

    public WireText(Charset legacy) {
        this.legacy = Objects.requireNonNull(legacy, "legacy");
    }

    public Charset legacy() {
        return legacy;
    }

    /** Decodes {@code length} bytes at {@code offset}; never throws for any byte content. */
    public String decode(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        try {
            // REPORT makes the UTF-8 decoder a validity test; a fresh decoder keeps this thread-safe.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // new String replaces bytes the code page does not define (e.g. 0x81 in windows-1252).
            return new String(bytes, offset, length, legacy);
        }
    }

    public String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Encodes text; characters the charset cannot represent become its replacement ('?'), never an exception. */
    public static byte[] encode(String text, Charset charset) {
        return text.getBytes(charset);
    }

    /** Number of bytes {@code text} takes in {@code charset}, counted the way {@link #encode} writes it. */
    public static int encodedLength(String text, Charset charset) {
        return encode(text, charset).length;
    }

    /**
     * Splits {@code text} into consecutive pieces of at most {@code maxBytes} encoded bytes each, cutting only
     * between code points (never inside a surrogate pair). Joined, the pieces equal {@code text}; an empty text
     * gives an empty list.
     *
     * @throws IllegalArgumentException if {@code maxBytes < 1} or one code point alone needs more than {@code maxBytes}
     */
    public static List<String> split(String text, Charset charset, int maxBytes) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int next = text.offsetByCodePoints(i, 1);
            int size = encodedLength(text.substring(i, next), charset);
            if (size > maxBytes) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(text.codePointAt(i)).toUpperCase()
                        + " needs " + size + " bytes in " + charset.name() + ", more than the limit of " + maxBytes);
            }
            if (bytes + size > maxBytes) {
                pieces.add(text.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += size;
            i = next;
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }
}
