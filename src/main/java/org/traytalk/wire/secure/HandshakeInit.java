package org.traytalk.wire.secure;

import java.util.Arrays;

/**
 * The first handshake message (Noise IKpsk2 "-> e, es, s, ss"): the initiator opens a session to a peer whose
 * static key it knows from its announcements.
 *
 * @param senderIndex the initiator's random index for the session; the reply and transport frames name it
 * @param noise       the Noise handshake message: ephemeral key, encrypted static key, encrypted hello payload
 * @param mac         16 bytes of HMAC-SHA256 over the frame before it, keyed by the group: a cheap check that
 *                    drops strangers' frames before any key agreement is computed
 */
public record HandshakeInit(int senderIndex, byte[] noise, byte[] mac) implements SecureFrame {
    public static final int TYPE = 2;
    /** Ephemeral key, static key and its tag, and the payload's tag. */
    public static final int MIN_NOISE_BYTES = 32 + 48 + 16;

    public HandshakeInit {
        byte[][] parts = SecureFrameCodec.handshakeParts(noise, MIN_NOISE_BYTES, mac, "handshake message");
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
        return o instanceof HandshakeInit f && f.senderIndex == senderIndex && Arrays.equals(f.noise, noise)
                && Arrays.equals(f.mac, mac);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * senderIndex + Arrays.hashCode(noise)) + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "HandshakeInit[sender " + Integer.toHexString(senderIndex) + ", " + noise.length + " bytes]";
    }
}
