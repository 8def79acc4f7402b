package org.traytalk.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Objects;

/**
 * Ed25519 signatures (RFC 8032), keys and signatures as raw byte arrays: keys made with the JDK's EdDSA, signatures
 * made and checked with Bouncy Castle's.
 */
public final class Ed25519 {
    public static final int KEY_LENGTH = RawKeys.LENGTH;
    public static final int SIGNATURE_LENGTH = 64;
    private static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    /** A fresh key pair whose seed is 32 bytes drawn from {@code random}. */
    public static Ed25519KeyPair generate(SecureRandom random) {
        return keyPair(RawKeys.random(random));
    }

    /** The key pair of a raw 32-byte seed (the RFC 8032 private key). */
    public static Ed25519KeyPair keyPair(byte[] seed) {
        byte[] checked = RawKeys.checkedCopy(seed, "Ed25519 seed");
        try {
            // JDK 17 derives a public key only while generating: hand its generator the seed as its randomness
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedAsRandom(checked));
            EdECPublicKey publicKey = (EdECPublicKey) generator.generateKeyPair().getPublic();
            return new Ed25519KeyPair(checked, rawPublicKey(publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime refused Ed25519", e);
        }
    }

    /** The 64-byte signature of {@code message} by the key of {@code seed}. */
    public static byte[] sign(byte[] seed, byte[] message) {
        Objects.requireNonNull(message, "message");
        byte[] signature = new byte[SIGNATURE_LENGTH];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(RawKeys.checkedCopy(seed, "Ed25519 seed"), 0, message, 0,
                message.length, signature, 0);
        return signature;
    }

    /**
     * The 64-byte signature of {@code message} by {@code signer}, whose public key is not derived again. Bouncy
     * Castle's, as the check: RFC 8032 signatures are deterministic, so it is the JDK's to the byte, but 0.3 ms where
     * the JDK's takes 5 (C1 only), and a node signs each announcement and each answer to a peer's question.
     */
    public static byte[] sign(Ed25519KeyPair signer, byte[] message) {
        Objects.requireNonNull(message, "message");
        byte[] signature = new byte[SIGNATURE_LENGTH];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(signer.seed(), 0, signer.publicKey(), 0, message, 0,
                message.length, signature, 0);
        return signature;
    }

    /** Whether {@code signature} is {@code publicKey}'s signature of {@code message}; bad bytes just give false. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        Objects.requireNonNull(message, "message");
        if (publicKey == null || publicKey.length != KEY_LENGTH
                || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            // Bouncy Castle's: 0.1 ms where the JDK's takes 1.1 (C1 only, as the launchers run), and a node checks
            // one signature per peer and heartbeat (1,000 peers: 3.4 % of a core with the JDK's; CrowdBenchmark)
            return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, publicKey, 0, message, 0,
                    message.length);
        } catch (RuntimeException e) {
            // hostile encodings may surface as any exception the decoder throws; all of them mean "not valid"
            return false;
        }
    }

    /** The JDK key spec of a raw RFC 8032 public key: y little-endian, the top bit holding x's parity. */
    public static EdECPublicKeySpec publicKeySpec(byte[] publicKey) {
        byte[] y = RawKeys.checkedCopy(publicKey, "Ed25519 public key");
        boolean xOdd = (y[KEY_LENGTH - 1] & 0x80) != 0;
        y[KEY_LENGTH - 1] &= 0x7f;
        return new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, RawKeys.fromLittleEndian(y)));
    }

    /** The raw RFC 8032 encoding of a JDK Ed25519 public key. */
    public static byte[] rawPublicKey(EdECPublicKey key) {
        EdECPoint point = key.getPoint();
        BigInteger y = point.getY();
        byte[] encoded = RawKeys.toLittleEndian(y);
        if (point.isXOdd()) {
            encoded[KEY_LENGTH - 1] |= (byte) 0x80;
        }
        return encoded;
    }

    /** The JDK key spec of a raw 32-byte seed. */
    public static EdECPrivateKeySpec privateKeySpec(byte[] seed) {
        return new EdECPrivateKeySpec(NamedParameterSpec.ED25519, RawKeys.checkedCopy(seed, "Ed25519 seed"));
    }

    /** Randomness that is one given seed, handed out once; a second request means the JDK changed how it works. */
    private static final class SeedAsRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        SeedAsRandom(byte[] seed) {
            super(new SeedSpi(seed), null);
        }
    }

    private static final class SeedSpi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private byte[] seed;

        SeedSpi(byte[] seed) {
            this.seed = seed;
        }

        @Override
        protected void engineSetSeed(byte[] ignored) {
            // the generator may mix in seeds; this source has nothing to mix them into
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("Ed25519 key generation asked for other randomness than one seed");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
            seed = null;
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            throw new IllegalStateException("Ed25519 key generation asked for a seed, not its private key");
        }
    }
}
