package org.traytalk.wire.secure;

import java.util.Arrays;

/**
 * Presence (DETECT, ONLINE, OFFLINE) for everyone in the group: a signed {@link Announcement}, sealed with the
 * group's announcement key so that only members read it and strangers' frames are dropped unread.
 *
 * @param nonce  12 random bytes, the AEAD nonce
 * @param sealed the encoded announcement, encrypted, with its 16-byte tag
 */
public record AnnouncementFrame(byte[] nonce, byte[] sealed) implements SecureFrame {
    public static final int TYPE = 1;
    public static final int NONCE_BYTES = 12;

    public AnnouncementFrame {
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes");
        }
        if (sealed.length < SecureFrameCodec.TAG_BYTES) {
            throw new IllegalArgumentException("sealed announcement shorter than its tag");
        }
        nonce = nonce.clone();
        sealed = sealed.clone();
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnnouncementFrame f && Arrays.equals(f.nonce, nonce) && Arrays.equals(f.sealed, sealed);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nonce) + Arrays.hashCode(sealed);
    }

    @Override
    public String toString() {
        return "AnnouncementFrame[" + sealed.length + " bytes sealed]";
    }
}
