package org.traytalk.wire.secure;

import java.util.Arrays;

/**
 * What both handshake frames carry: the sender's random index for the session, the Noise handshake message, and
 * 16 bytes of HMAC-SHA256 over the frame before them, keyed by the group (a cheap check that drops strangers' frames
 * before any key agreement is computed). Immutable; byte arrays are copied in and out. A class rather than a record
 * so that the two frames share these parts instead of each copying them.
 */
public abstract sealed class HandshakeFrame implements SecureFrame permits HandshakeInit, HandshakeReply {
    private final int senderIndex;
    private final byte[] noise;
    private final byte[] mac;

    /** @param what how messages name the frame, e.g. "handshake reply" */
    HandshakeFrame(int senderIndex, byte[] noise, int minNoiseBytes, byte[] mac, String what) {
        byte[][] parts = SecureFrameCodec.handshakeParts(noise, minNoiseBytes, mac, what);
        this.senderIndex = senderIndex;
        this.noise = parts[0];
        this.mac = parts[1];
    }

    public int senderIndex() {
        return senderIndex;
    }

    public byte[] noise() {
        return noise.clone();
    }

    public byte[] mac() {
        return mac.clone();
    }

    int noiseBytes() {
        return noise.length;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((HandshakeFrame) o).senderIndex == senderIndex
                && Arrays.equals(((HandshakeFrame) o).noise, noise) && Arrays.equals(((HandshakeFrame) o).mac, mac);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * senderIndex + Arrays.hashCode(noise)) + Arrays.hashCode(mac);
    }
}
