package org.traytalk.wire.secure;

import java.util.Arrays;

/**
 * Data in an established session: encrypted and authenticated with the session's key for this direction, under
 * an explicit counter, so frames may arrive out of order or twice (the receiver refuses the second copy).
 *
 * @param receiverIndex the receiver's index for the session
 * @param counter       the AEAD nonce, counting up from 0 in each direction; the receiver's replay window checks it
 * @param ciphertext    the encrypted {@link Payload}, with its 16-byte tag; the frame header is the associated data
 */
public record TransportFrame(int receiverIndex, long counter, byte[] ciphertext) implements SecureFrame {
    public static final int TYPE = 4;
    public static final int HEADER_BYTES = 1 + 4 + 8;

    public TransportFrame {
        if (counter < 0) {
            throw new IllegalArgumentException("counter must not be negative");
        }
        if (ciphertext.length < SecureFrameCodec.TAG_BYTES) {
            throw new IllegalArgumentException("ciphertext shorter than its tag");
        }
        ciphertext = ciphertext.clone();
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportFrame f && f.receiverIndex == receiverIndex && f.counter == counter
                && Arrays.equals(f.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * receiverIndex + Long.hashCode(counter)) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "TransportFrame[receiver " + Integer.toHexString(receiverIndex) + ", counter " + counter + ", "
                + ciphertext.length + " bytes]";
    }
}
