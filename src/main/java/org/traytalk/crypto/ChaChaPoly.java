package org.traytalk.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ChaCha20-Poly1305 AEAD (RFC 8439) with the Noise nonce format: 4 zero bytes, then a 64-bit little-endian
 * counter. Holds one JDK {@link Cipher} for reuse, so an instance is not thread-safe: give each thread its own.
 * Output is the same for the same inputs whatever was computed before; keeping nonces unique is the caller's job.
 */
public final class ChaChaPoly {
    public static final int KEY_LENGTH = 32;
    public static final int TAG_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    private final Cipher cipher;

    /** A wrapper with its own JDK cipher instance. */
    public ChaChaPoly() {
        try {
            cipher = Cipher.getInstance("ChaCha20-Poly1305");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no ChaCha20-Poly1305 (Java 11 and later do)", e);
        }
    }

    /** Seals {@code plaintext} with {@code ad}: ciphertext followed by the 16-byte tag. */
    public byte[] encrypt(byte[] key, long nonce, byte[] ad, byte[] plaintext) {
        return seal(key, noiseNonce(nonce), ad, plaintext);
    }

    /** Opens what {@link #encrypt} sealed with the same key, nonce and {@code ad}; any difference is refused. */
    public byte[] decrypt(byte[] key, long nonce, byte[] ad, byte[] ciphertext) throws AuthenticationFailedException {
        return open(key, noiseNonce(nonce), ad, ciphertext);
    }

    /**
     * RFC 8439 sealing with a raw 12-byte nonce, for random nonces (96 bits: no collision in practice) and the RFC's
     * own vectors, which use nonces Noise never builds. The caller must never repeat a nonce under one key.
     */
    public byte[] seal(byte[] key, byte[] nonce, byte[] ad, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        init(Cipher.ENCRYPT_MODE, key, nonce, ad);
        try {
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed to encrypt", e);
        }
    }

    /** RFC 8439 opening with a raw 12-byte nonce. */
    public byte[] open(byte[] key, byte[] nonce, byte[] ad, byte[] ciphertext) throws AuthenticationFailedException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.length < TAG_LENGTH) {
            throw new AuthenticationFailedException("ciphertext of " + ciphertext.length
                    + " bytes is shorter than the " + TAG_LENGTH + "-byte tag");
        }
        init(Cipher.DECRYPT_MODE, key, nonce, ad);
        try {
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailedException("ChaCha20-Poly1305 tag does not match: the ciphertext, its "
                    + "associated data, key or nonce differ from what was sealed", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 failed to decrypt", e);
        }
    }

    private void init(int mode, byte[] key, byte[] nonce, byte[] ad) {
        Objects.requireNonNull(ad, "associated data");
        if (Objects.requireNonNull(key, "key").length != KEY_LENGTH) {
            throw new IllegalArgumentException("ChaCha20-Poly1305 key must be " + KEY_LENGTH + " bytes, not "
                    + key.length);
        }
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("ChaCha20-Poly1305 nonce must be " + NONCE_LENGTH + " bytes");
        }
        SecretKeySpec spec = new SecretKeySpec(key, "ChaCha20");
        try {
            try {
                cipher.init(mode, spec, new IvParameterSpec(nonce));
            } catch (InvalidKeyException sameAsLastTime) {
                // JDK 17 refuses a key and nonce equal to the previous init's, in either mode, even to decrypt
                // again after a forged message: step through another nonce once, then init as asked
                byte[] other = nonce.clone();
                other[0] ^= 1;
                cipher.init(mode, spec, new IvParameterSpec(other));
                cipher.init(mode, spec, new IvParameterSpec(nonce));
            }
            cipher.updateAAD(ad);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 refused a valid key and nonce", e);
        }
    }

    /** Noise's nonce: 32 zero bits, then the counter as 64 little-endian bits. */
    static byte[] noiseNonce(long counter) {
        byte[] nonce = new byte[NONCE_LENGTH];
        for (int i = 0; i < Long.BYTES; i++) {
            nonce[4 + i] = (byte) (counter >>> (8 * i));
        }
        return nonce;
    }
}
