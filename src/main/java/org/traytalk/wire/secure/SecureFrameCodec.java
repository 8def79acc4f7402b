package org.traytalk.wire.secure;

import java.nio.ByteBuffer;
import org.traytalk.wire.FieldReader;
import org.traytalk.wire.MalformedMessageException;

/**
 * Encodes and decodes {@link SecureFrame}s (docs/PROTOCOL.md, "Secure frames"). Pure: no I/O, no state, no keys;
 * checking tags and macs is the secure layer's job. Every decoding failure is a {@link MalformedMessageException}
 * naming the field and its offset. All numbers are big-endian.
 */
public final class SecureFrameCodec {
    public static final int TAG_BYTES = 16;
    public static final int MAC_BYTES = 16;
    /** Largest frame: fits one UDP datagram with the carrier's envelope around it. */
    public static final int MAX_FRAME_BYTES = 65_000;

    public byte[] encode(SecureFrame frame) {
        byte[] out;
        if (frame instanceof AnnouncementFrame f) {
            out = ByteBuffer.allocate(1 + AnnouncementFrame.NONCE_BYTES + f.sealed().length)
                    .put((byte) f.type()).put(f.nonce()).put(f.sealed()).array();
        } else if (frame instanceof HandshakeInit f) {
            out = ByteBuffer.allocate(1 + 4 + f.noise().length + MAC_BYTES)
                    .put((byte) f.type()).putInt(f.senderIndex()).put(f.noise()).put(f.mac()).array();
        } else if (frame instanceof HandshakeReply f) {
            out = ByteBuffer.allocate(1 + 4 + 4 + f.noise().length + MAC_BYTES)
                    .put((byte) f.type()).putInt(f.senderIndex()).putInt(f.receiverIndex()).put(f.noise())
                    .put(f.mac()).array();
        } else {
            TransportFrame f = (TransportFrame) frame;
            out = ByteBuffer.allocate(TransportFrame.HEADER_BYTES + f.ciphertext().length)
                    .put(transportHeader(f.receiverIndex(), f.counter())).put(f.ciphertext()).array();
        }
        if (out.length > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("frame of " + out.length + " bytes is larger than " + MAX_FRAME_BYTES);
        }
        return out;
    }

    public SecureFrame decode(byte[] b, int off, int len) throws MalformedMessageException {
        if (len > MAX_FRAME_BYTES) {
            throw new MalformedMessageException("frame of " + len + " bytes is larger than " + MAX_FRAME_BYTES, 0);
        }
        FieldReader in = new FieldReader(b, off, len);
        int type = in.u8("frame type");
        switch (type) {
            case AnnouncementFrame.TYPE -> {
                byte[] nonce = in.bytes(AnnouncementFrame.NONCE_BYTES, "nonce");
                return new AnnouncementFrame(nonce, atLeast(in, TAG_BYTES, "sealed announcement"));
            }
            case HandshakeInit.TYPE -> {
                int sender = in.s32("sender index");
                byte[] noise = atLeast(in, HandshakeInit.MIN_NOISE_BYTES + MAC_BYTES, "handshake message");
                return new HandshakeInit(sender, head(noise), tail(noise));
            }
            case HandshakeReply.TYPE -> {
                int sender = in.s32("sender index");
                int receiver = in.s32("receiver index");
                byte[] noise = atLeast(in, HandshakeReply.MIN_NOISE_BYTES + MAC_BYTES, "handshake reply");
                return new HandshakeReply(sender, receiver, head(noise), tail(noise));
            }
            case TransportFrame.TYPE -> {
                int receiver = in.s32("receiver index");
                int at = in.position();
                long counter = in.s64("counter");
                if (counter < 0) {
                    throw new MalformedMessageException("counter at offset " + at + " is negative", at);
                }
                return new TransportFrame(receiver, counter, atLeast(in, TAG_BYTES, "ciphertext"));
            }
            default -> throw new MalformedMessageException("unknown frame type " + type + " at offset 0", 0);
        }
    }

    public SecureFrame decode(byte[] b) throws MalformedMessageException {
        return decode(b, 0, b.length);
    }

    /** The 13 bytes before a transport frame's ciphertext: its associated data. */
    public static byte[] transportHeader(int receiverIndex, long counter) {
        return ByteBuffer.allocate(TransportFrame.HEADER_BYTES).put((byte) TransportFrame.TYPE).putInt(receiverIndex)
                .putLong(counter).array();
    }

    /** What a handshake frame's mac covers: the encoded frame without its last {@value #MAC_BYTES} bytes. */
    public static byte[] macInput(byte[] encodedHandshake) {
        byte[] out = new byte[encodedHandshake.length - MAC_BYTES];
        System.arraycopy(encodedHandshake, 0, out, 0, out.length);
        return out;
    }

    /** A handshake frame's parts, checked and copied: the Noise message at least {@code min} bytes, a 16-byte mac. */
    static byte[][] handshakeParts(byte[] noise, int min, byte[] mac, String what) {
        if (noise.length < min) {
            throw new IllegalArgumentException(what + " of " + noise.length + " bytes is shorter than " + min);
        }
        if (mac.length != MAC_BYTES) {
            throw new IllegalArgumentException("mac must be " + MAC_BYTES + " bytes");
        }
        return new byte[][] {noise.clone(), mac.clone()};
    }

    private static byte[] atLeast(FieldReader in, int min, String field) throws MalformedMessageException {
        int at = in.position();
        if (in.remaining() < min) {
            throw new MalformedMessageException("truncated: " + field + " at offset " + at + " has " + in.remaining()
                    + " bytes, needs at least " + min, at);
        }
        return in.rest();
    }

    private static byte[] head(byte[] noiseAndMac) {
        byte[] out = new byte[noiseAndMac.length - MAC_BYTES];
        System.arraycopy(noiseAndMac, 0, out, 0, out.length);
        return out;
    }

    private static byte[] tail(byte[] noiseAndMac) {
        byte[] out = new byte[MAC_BYTES];
        System.arraycopy(noiseAndMac, noiseAndMac.length - MAC_BYTES, out, 0, MAC_BYTES);
        return out;
    }
}
