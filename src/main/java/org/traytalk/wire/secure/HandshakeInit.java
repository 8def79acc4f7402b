package org.traytalk.wire.secure;

/**
 * The first handshake message (Noise IKpsk2 "-> e, es, s, ss"): the initiator opens a session to a peer whose
 * static key it knows from its announcements. Its sender index is the one the reply and transport frames name; its
 * Noise message is the ephemeral key, the encrypted static key and the encrypted hello payload.
 */
public final class HandshakeInit extends HandshakeFrame {
    public static final int TYPE = 2;
    /** Ephemeral key, static key and its tag, and the payload's tag. */
    public static final int MIN_NOISE_BYTES = 32 + 48 + 16;

    public HandshakeInit(int senderIndex, byte[] noise, byte[] mac) {
        super(senderIndex, noise, MIN_NOISE_BYTES, mac, "handshake message");
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public String toString() {
        return "HandshakeInit[sender " + Integer.toHexString(senderIndex()) + ", " + noiseBytes() + " bytes]";
    }
}
