package org.traytalk.noise;

import java.util.Arrays;
import java.util.Objects;
import org.traytalk.crypto.AuthenticationFailedException;
import org.traytalk.crypto.ChaChaPoly;

/**
 * A key and a nonce counter (spec section 5.1), for one direction of a session. Two ways to choose nonces: the
 * spec's implicit counter ({@link #encryptWithAd}/{@link #decryptWithAd}, for ordered streams), or a nonce the
 * caller sends along ({@link #encrypt}/{@link #decrypt}, for datagrams that may arrive out of order, as WireGuard
 * does); a caller picks one way per direction. Not thread-safe.
 */
public final class CipherState {
    /** 2^64-1: reserved for {@link #rekey}, never a message's nonce. */
    static final long RESERVED_NONCE = -1L;
    /** Every Noise message fits in 65535 bytes (spec section 3). */
    static final int MAX_MESSAGE = 65535;
    static final int MAX_PLAINTEXT = MAX_MESSAGE - ChaChaPoly.TAG_LENGTH;
    private final ChaChaPoly aead = new ChaChaPoly();
    /** Why this direction may not be used (the reply direction of a one-way pattern), or null. */
    private final String refusal;
    private byte[] key;
    private long nonce;

    CipherState() {
        this.refusal = null;
    }

    private CipherState(String refusal) {
        this.refusal = refusal;
    }

    /** A direction that refuses every use, with the reason. */
    static CipherState unusable(String refusal) {
        return new CipherState(Objects.requireNonNull(refusal));
    }

    /** Encrypts with the next implicit nonce (the spec's EncryptWithAd): ciphertext and 16-byte tag. */
    public byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
        if (nonce == RESERVED_NONCE) {
            throw new IllegalStateException("2^64-1 messages sent under this key: start a new handshake");
        }
        byte[] ciphertext = encrypt(nonce, ad, plaintext);
        nonce++;
        return ciphertext;
    }

    /** Decrypts with the next implicit nonce (the spec's DecryptWithAd); a refused message does not use it up. */
    public byte[] decryptWithAd(byte[] ad, byte[] ciphertext) throws NoiseException {
        byte[] plaintext = decrypt(nonce, ad, ciphertext);
        nonce++;
        return plaintext;
    }

    /** Encrypts with the caller's {@code nonce}, which must never repeat under this key; the counter is untouched. */
    public byte[] encrypt(long nonce, byte[] ad, byte[] plaintext) {
        checkUsable();
        if (nonce == RESERVED_NONCE) {
            throw new IllegalArgumentException("nonce 2^64-1 is reserved for rekey");
        }
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("a Noise message holds at most " + MAX_PLAINTEXT
                    + " bytes of plaintext, not " + plaintext.length);
        }
        return aead.encrypt(key, nonce, ad, plaintext);
    }

    /** Decrypts a message sealed with {@code nonce} (carried beside it); replays are the caller's to refuse. */
    public byte[] decrypt(long nonce, byte[] ad, byte[] ciphertext) throws NoiseException {
        checkUsable();
        if (nonce == RESERVED_NONCE) {
            throw new NoiseException("message claims nonce 2^64-1, which is reserved for rekey");
        }
        if (ciphertext.length > MAX_MESSAGE) {
            throw new NoiseException("message of " + ciphertext.length + " bytes is longer than Noise allows ("
                    + MAX_MESSAGE + ")");
        }
        try {
            return aead.decrypt(key, nonce, ad, ciphertext);
        } catch (AuthenticationFailedException e) {
            throw new NoiseException("message with nonce " + Long.toUnsignedString(nonce)
                    + " failed authentication: " + e.getMessage(), e);
        }
    }

    /** Replaces the key by one derived from it (the spec's Rekey); the nonce counter carries on. */
    public void rekey() {
        checkUsable();
        byte[] next = aead.encrypt(key, RESERVED_NONCE, new byte[0], new byte[ChaChaPoly.KEY_LENGTH]);
        key = Arrays.copyOf(next, ChaChaPoly.KEY_LENGTH);
    }

    void initializeKey(byte[] newKey) {
        key = newKey.clone();
        nonce = 0;
    }

    boolean hasKey() {
        return key != null;
    }

    /** The spec's SetNonce. */
    void setNonce(long newNonce) {
        nonce = newNonce;
    }

    long nonce() {
        return nonce;
    }

    /** The key itself, never changed in place (rekey and initializeKey replace it), so holding it saves it. */
    byte[] keyForSaving() {
        return key;
    }

    void restore(byte[] savedKey, long savedNonce) {
        key = savedKey;
        nonce = savedNonce;
    }

    private void checkUsable() {
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        if (key == null) {
            throw new IllegalStateException("no key yet: a cipher state is used after the handshake's split()");
        }
    }
}
