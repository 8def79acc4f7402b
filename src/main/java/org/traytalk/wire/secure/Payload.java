package org.traytalk.wire.secure;

import java.util.Arrays;
import org.traytalk.wire.MalformedMessageException;

/**
 * What a {@link TransportFrame} carries once decrypted: a kind, then its bytes. Kinds a receiver does not know are
 * passed up as they are and ignored there, so later versions can add kinds (file chunks, seen marks).
 *
 * @param kind  {@link #FOX_MESSAGE}, {@link #FOX_MESSAGE_TO_EVERYONE} or a later kind, 0..255
 * @param bytes the content
 */
public record Payload(int kind, byte[] bytes) {
    /** A message in the original program's format (docs/PROTOCOL.md, "The message"), text in UTF-8. */
    public static final int FOX_MESSAGE = 1;
    /** The same, sent to everyone (to each peer in its own session), so the receiver files it under Everyone. */
    public static final int FOX_MESSAGE_TO_EVERYONE = 2;
    /** A {@link SeenReceipt}: the reader's TrayTalk showed these messages to its user. */
    public static final int SEEN = 3;

    public Payload {
        if (kind < 0 || kind > 255) {
            throw new IllegalArgumentException("payload kind is one byte: " + kind);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public byte[] encode() {
        byte[] out = new byte[1 + bytes.length];
        out[0] = (byte) kind;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    /** Any non-empty plaintext is a payload; an empty one is not. */
    public static Payload decode(byte[] plaintext) throws MalformedMessageException {
        if (plaintext.length == 0) {
            throw new MalformedMessageException("empty payload: no kind byte", 0);
        }
        return new Payload(plaintext[0] & 0xFF, Arrays.copyOfRange(plaintext, 1, plaintext.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload p && p.kind == kind && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * kind + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Payload[kind " + kind + ", " + bytes.length + " bytes]";
    }
}
