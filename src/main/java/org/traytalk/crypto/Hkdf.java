package org.traytalk.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF over HMAC-SHA256 (RFC 5869), and the HKDF function of the Noise Protocol Framework (section 4.3). */
public final class Hkdf {
    public static final int HASH_LENGTH = 32;
    private static final int MAX_OUTPUT = 255 * HASH_LENGTH;
    private static final String HMAC = "HmacSHA256";

    private Hkdf() {
    }

    /** RFC 5869 HKDF-Extract: the pseudorandom key of {@code inputKeyMaterial}; an empty salt means 32 zeros. */
    public static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        Objects.requireNonNull(inputKeyMaterial, "input key material");
        // the RFC's default salt; the JDK also refuses an empty HMAC key, which HMAC pads to these same zeros
        byte[] key = Objects.requireNonNull(salt, "salt").length == 0 ? new byte[HASH_LENGTH] : salt;
        return mac(key).doFinal(inputKeyMaterial);
    }

    /** RFC 5869 HKDF-Expand: {@code length} bytes (at most 8160) of output keyed by {@code prk}. */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        Objects.requireNonNull(info, "info");
        if (length < 0 || length > MAX_OUTPUT) {
            throw new IllegalArgumentException("HKDF-SHA256 output must be 0 to " + MAX_OUTPUT + " bytes, not "
                    + length);
        }
        if (Objects.requireNonNull(prk, "pseudorandom key").length < HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF pseudorandom key must be at least " + HASH_LENGTH + " bytes");
        }
        Mac mac = mac(prk);
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        for (int i = 1, filled = 0; filled < length; i++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) i);
            block = mac.doFinal();
            int n = Math.min(HASH_LENGTH, length - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    /** Noise's HKDF: 2 or 3 outputs of 32 bytes, the RFC 5869 blocks with the chaining key as salt and no info. */
    public static byte[][] noise(byte[] chainingKey, byte[] inputKeyMaterial, int outputs) {
        if (outputs != 2 && outputs != 3) {
            throw new IllegalArgumentException("Noise HKDF gives 2 or 3 outputs, not " + outputs);
        }
        byte[] all = expand(extract(chainingKey, inputKeyMaterial), new byte[0], outputs * HASH_LENGTH);
        byte[][] split = new byte[outputs][];
        for (int i = 0; i < outputs; i++) {
            split[i] = Arrays.copyOfRange(all, i * HASH_LENGTH, (i + 1) * HASH_LENGTH);
        }
        return split;
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime refused HMAC-SHA256", e);
        }
    }
}
