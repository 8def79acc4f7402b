package org.traytalk.wire.secure;

/**
 * The second handshake message (Noise IKpsk2 "<- e, ee, se, psk"): the responder accepts, and both sides now hold
 * the session's transport keys. Its sender index is the responder's; its Noise message is the ephemeral key and the
 * encrypted (empty) payload.
 */
public final class HandshakeReply extends HandshakeFrame {
    public static final int TYPE = 3;
    /** Ephemeral key and the payload's tag. */
    public static final int MIN_NOISE_BYTES = 32 + 16;

    private final int receiverIndex;

    /** @param receiverIndex the initiator's index from the {@link HandshakeInit} this answers */
    public HandshakeReply(int senderIndex, int receiverIndex, byte[] noise, byte[] mac) {
        super(senderIndex, noise, MIN_NOISE_BYTES, mac, "handshake reply");
        this.receiverIndex = receiverIndex;
    }

    public int receiverIndex() {
        return receiverIndex;
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && ((HandshakeReply) o).receiverIndex == receiverIndex;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + receiverIndex;
    }

    @Override
    public String toString() {
        return "HandshakeReply[sender " + Integer.toHexString(senderIndex()) + ", receiver "
                + Integer.toHexString(receiverIndex) + "]";
    }
}
