package org.traytalk.noise;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.traytalk.crypto.Hkdf;

/** The chaining key, handshake hash and current cipher state of a handshake (spec section 5.2). */
final class SymmetricState {
    private static final int HASH_LENGTH = 32;
    private final MessageDigest sha256;
    private final CipherState cipher = new CipherState();
    // both are replaced, never changed in place, so a Saved holding them stays valid
    private byte[] chainingKey;
    private byte[] hash;

    SymmetricState(String protocolName) {
        sha256 = newSha256();
        byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
        hash = name.length <= HASH_LENGTH ? Arrays.copyOf(name, HASH_LENGTH) : sha256.digest(name);
        chainingKey = hash;
    }

    void mixKey(byte[] inputKeyMaterial) {
        byte[][] out = Hkdf.noise(chainingKey, inputKeyMaterial, 2);
        chainingKey = out[0];
        cipher.initializeKey(out[1]);
    }

    void mixHash(byte[] data) {
        sha256.update(hash);
        sha256.update(data);
        hash = sha256.digest();
    }

    void mixKeyAndHash(byte[] inputKeyMaterial) {
        byte[][] out = Hkdf.noise(chainingKey, inputKeyMaterial, 3);
        chainingKey = out[0];
        mixHash(out[1]);
        cipher.initializeKey(out[2]);
    }

    byte[] handshakeHash() {
        return hash.clone();
    }

    boolean hasKey() {
        return cipher.hasKey();
    }

    /** Encrypts once a key is mixed in (plaintext before that), and mixes the result into the hash. */
    byte[] encryptAndHash(byte[] plaintext) {
        byte[] ciphertext = cipher.hasKey() ? cipher.encryptWithAd(hash, plaintext) : plaintext.clone();
        mixHash(ciphertext);
        return ciphertext;
    }

    byte[] decryptAndHash(byte[] ciphertext) throws NoiseException {
        byte[] plaintext = cipher.hasKey() ? cipher.decryptWithAd(hash, ciphertext) : ciphertext.clone();
        mixHash(ciphertext);
        return plaintext;
    }

    /** The initiator-to-responder and responder-to-initiator transport cipher states. */
    CipherState[] split() {
        byte[][] keys = Hkdf.noise(chainingKey, new byte[0], 2);
        CipherState first = new CipherState();
        first.initializeKey(keys[0]);
        CipherState second = new CipherState();
        second.initializeKey(keys[1]);
        return new CipherState[] {first, second};
    }

    Saved save() {
        return new Saved(chainingKey, hash, cipher.keyForSaving(), cipher.nonce());
    }

    void restore(Saved saved) {
        chainingKey = saved.chainingKey;
        hash = saved.hash;
        cipher.restore(saved.key, saved.nonce);
    }

    /** Everything a refused message may have changed, to put back. */
    record Saved(byte[] chainingKey, byte[] hash, byte[] key, long nonce) {
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
