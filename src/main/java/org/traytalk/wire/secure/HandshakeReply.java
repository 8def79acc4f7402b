package org.traytalk.wire.secure;

import java.util.Arrays;

/**
 * The second handshake message (Noise IKpsk2 "<- e, ee, se, psk"): the responder accepts, and both sides now hold
 * the session's transport keys.
 *
 * @param senderIndex   the responder's random index for the session
 * @param receiverIndex the initiator's index from the {@link HandshakeInit} this answers
 * @param noise         the Noise handshake message: ephemeral key and the encrypted (empty) payload
 * @param mac           16 bytes of HMAC-SHA256 over the frame before it, keyed by the group
 */
public record HandshakeReply(int senderIndex, int receiverIndex, byte[] noise, byte[] mac) implements SecureFrame {
    public static final int TYPE = 3;
    /** Ephemeral key and the payload's tag. */
    public static final int MIN_NOISE_BYTES = 32 + 16;

    public HandshakeReply {
        byte[][] parts = SecureFrameCodec.handshakeParts(noise, MIN_NOISE_BYTES, mac, "handshake reply");
        noise = parts[0];
        mac = parts[1];
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public byte[] noise() {
        return noise.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakeReply f && f.senderIndex == senderIndex && f.receiverIndex == receiverIndex
                && Arrays.equals(f.noise, noise) && Arrays.equals(f.mac, mac);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * senderIndex + receiverIndex) + Arrays.hashCode(noise)) + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "HandshakeReply[sender " + Integer.toHexString(senderIndex) + ", receiver "
                + Integer.toHexString(receiverIndex) + "]";
    }
}
