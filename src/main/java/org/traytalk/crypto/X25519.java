package org.traytalk.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/** X25519 key agreement (RFC 7748) over the JDK's XDH, with keys as raw 32-byte arrays. */
public final class X25519 {
    public static final int KEY_LENGTH = RawKeys.LENGTH;
    private static final String ALGORITHM = "X25519";
    private static final byte[] BASE_POINT = basePoint();

    private X25519() {
    }

    /** A fresh key pair whose private key is 32 bytes drawn from {@code random}. */
    public static X25519KeyPair generate(SecureRandom random) {
        return keyPair(RawKeys.random(random));
    }

    /** The key pair of a raw 32-byte private key (any 32 bytes: clamping happens inside every use). */
    public static X25519KeyPair keyPair(byte[] privateKey) {
        try {
            return new X25519KeyPair(privateKey, agree(privateKey, BASE_POINT));
        } catch (LowOrderPointException e) {
            throw new AssertionError("the base point has prime order: it never gives a zero secret", e);
        }
    }

    /** The shared secret with a peer's raw public key; refuses all zeros (a low-order key: a secret anyone knows). */
    public static byte[] dh(byte[] privateKey, byte[] publicKey) throws LowOrderPointException {
        return agree(privateKey, RawKeys.checkedCopy(publicKey, "X25519 public key"));
    }

    /** The JDK key spec of a raw public key; the unused top bit is ignored, as RFC 7748 section 5 requires. */
    public static XECPublicKeySpec publicKeySpec(byte[] publicKey) {
        byte[] u = RawKeys.checkedCopy(publicKey, "X25519 public key");
        u[KEY_LENGTH - 1] &= 0x7f;
        return new XECPublicKeySpec(NamedParameterSpec.X25519, RawKeys.fromLittleEndian(u));
    }

    /** The raw 32-byte public key of a JDK X25519 public key. */
    public static byte[] rawPublicKey(XECPublicKey key) {
        return RawKeys.toLittleEndian(key.getU());
    }

    /** The JDK key spec of a raw 32-byte private key. */
    public static XECPrivateKeySpec privateKeySpec(byte[] privateKey) {
        return new XECPrivateKeySpec(NamedParameterSpec.X25519, RawKeys.checkedCopy(privateKey, "X25519 private key"));
    }

    /** The raw 32-byte private key of a JDK X25519 private key; refuses keys whose scalar the JDK will not reveal. */
    public static byte[] rawPrivateKey(XECPrivateKey key) {
        byte[] scalar = key.getScalar().orElseThrow(
                () -> new IllegalArgumentException("this X25519 private key does not reveal its scalar"));
        return RawKeys.checkedCopy(scalar, "X25519 private key");
    }

    private static byte[] agree(byte[] privateKey, byte[] publicKey) throws LowOrderPointException {
        PrivateKey ours;
        PublicKey theirs;
        KeyAgreement agreement;
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            ours = factory.generatePrivate(privateKeySpec(privateKey));
            theirs = factory.generatePublic(publicKeySpec(publicKey));
            agreement = KeyAgreement.getInstance(ALGORITHM);
            agreement.init(ours);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused X25519 keys it should accept", e);
        }
        byte[] secret;
        try {
            agreement.doPhase(theirs, true);
            secret = agreement.generateSecret();
        } catch (InvalidKeyException e) {
            // the keys were built above, so the JDK's only refusal left is its own small-order check
            throw new LowOrderPointException("X25519 public key " + RawKeys.hex(publicKey)
                    + " was refused (" + e.getMessage() + "): a low-order point gives a secret known to anyone", e);
        }
        if (isAllZero(secret)) {
            throw new LowOrderPointException("X25519 shared secret with public key " + RawKeys.hex(publicKey)
                    + " is all zeros: a low-order point gives a secret known to anyone");
        }
        return secret;
    }

    /** Constant time, so a near-zero secret is not told apart by timing. */
    private static boolean isAllZero(byte[] bytes) {
        int acc = 0;
        for (byte b : bytes) {
            acc |= b;
        }
        return acc == 0;
    }

    private static byte[] basePoint() {
        byte[] u = new byte[KEY_LENGTH];
        u[0] = 9;
        return u;
    }
}
