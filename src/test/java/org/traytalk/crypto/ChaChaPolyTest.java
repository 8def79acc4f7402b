package org.traytalk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChaChaPolyTest {
    private static final HexFormat HEX = HexFormat.of();
    private final ChaChaPoly aead = new ChaChaPoly();

    // RFC 8439 section 2.8.2, the AEAD example ("sunscreen"). Written from memory, confirmed by the JDK and by
    // OpenSSL (through Python's cryptography 48), which are independent implementations.
    private static final byte[] RFC_KEY = HEX.parseHex(
            "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    private static final byte[] RFC_NONCE = HEX.parseHex("070000004041424344454647");
    private static final byte[] RFC_AD = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
    private static final byte[] RFC_PLAINTEXT = ("Ladies and Gentlemen of the class of '99: If I could offer you only"
            + " one tip for the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
    private static final String RFC_CIPHERTEXT = "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
            + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58"
            + "fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116";
    private static final String RFC_TAG = "1ae10b594f09e26a7e902ecbd0600691";

    @Test
    void rfc8439Section282() throws Exception {
        byte[] sealed = aead.seal(RFC_KEY, RFC_NONCE, RFC_AD, RFC_PLAINTEXT);
        assertThat(HEX.formatHex(sealed)).isEqualTo(RFC_CIPHERTEXT + RFC_TAG);
        assertThat(aead.open(RFC_KEY, RFC_NONCE, RFC_AD, sealed)).isEqualTo(RFC_PLAINTEXT);
    }

    @Test
    void noiseNonceIsFourZeroBytesThenTheCounterLittleEndian() throws Exception {
        assertThat(HEX.formatHex(ChaChaPoly.noiseNonce(0x0102030405060708L))).isEqualTo("000000000807060504030201");
        assertThat(HEX.formatHex(ChaChaPoly.noiseNonce(-1L))).isEqualTo("00000000ffffffffffffffff");
        byte[] sealed = aead.encrypt(RFC_KEY, 0x4746454443424140L, RFC_AD, RFC_PLAINTEXT);
        assertThat(sealed).isEqualTo(aead.seal(RFC_KEY, HEX.parseHex("000000004041424344454647"), RFC_AD,
                RFC_PLAINTEXT));
        assertThat(aead.decrypt(RFC_KEY, 0x4746454443424140L, RFC_AD, sealed)).isEqualTo(RFC_PLAINTEXT);
    }

    @Test
    void everyFlippedBitOfCiphertextOrTagIsRefused() {
        byte[] sealed = aead.encrypt(RFC_KEY, 5, RFC_AD, "hello".getBytes(StandardCharsets.US_ASCII));
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] tampered = sealed.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> aead.decrypt(RFC_KEY, 5, RFC_AD, tampered))
                    .as("bit %d flipped", bit).isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void anotherAdNonceOrKeyIsRefused() throws Exception {
        byte[] sealed = aead.encrypt(RFC_KEY, 5, RFC_AD, RFC_PLAINTEXT);
        byte[] otherAd = RFC_AD.clone();
        otherAd[0] ^= 1;
        byte[] otherKey = RFC_KEY.clone();
        otherKey[31] ^= (byte) 0x80;
        assertThatThrownBy(() -> aead.decrypt(RFC_KEY, 5, otherAd, sealed))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("tag does not match");
        assertThatThrownBy(() -> aead.decrypt(RFC_KEY, 5, new byte[0], sealed))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> aead.decrypt(RFC_KEY, 6, RFC_AD, sealed))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> aead.decrypt(otherKey, 5, RFC_AD, sealed))
                .isInstanceOf(AuthenticationFailedException.class);
        // the cached cipher is fine after refusals, also for the same key and nonce again
        assertThat(aead.decrypt(RFC_KEY, 5, RFC_AD, sealed)).isEqualTo(RFC_PLAINTEXT);
    }

    @Test
    void truncatedCiphertextsAreRefused() {
        byte[] sealed = aead.encrypt(RFC_KEY, 1, RFC_AD, new byte[3]);
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertThatThrownBy(() -> aead.decrypt(RFC_KEY, 1, RFC_AD, truncated))
                    .as("%d bytes", length).isInstanceOf(AuthenticationFailedException.class);
        }
    }

    /** JDK 17's cipher refuses an init with the key and nonce of the previous one; this wrapper does not. */
    @Test
    void resultsDoNotDependOnWhatTheCachedCipherDidBefore() throws Exception {
        byte[] first = aead.encrypt(RFC_KEY, 9, RFC_AD, RFC_PLAINTEXT);
        assertThat(aead.encrypt(RFC_KEY, 9, RFC_AD, RFC_PLAINTEXT)).isEqualTo(first);
        assertThat(aead.decrypt(RFC_KEY, 9, RFC_AD, first)).isEqualTo(RFC_PLAINTEXT);
        assertThat(aead.decrypt(RFC_KEY, 9, RFC_AD, first)).isEqualTo(RFC_PLAINTEXT);
        assertThat(aead.encrypt(RFC_KEY, 9, RFC_AD, RFC_PLAINTEXT)).isEqualTo(first)
                .isEqualTo(new ChaChaPoly().encrypt(RFC_KEY, 9, RFC_AD, RFC_PLAINTEXT));
    }

    @Test
    void emptyPlaintextIsJustTheTag() throws Exception {
        byte[] sealed = aead.encrypt(RFC_KEY, 0, new byte[0], new byte[0]);
        assertThat(sealed).hasSize(ChaChaPoly.TAG_LENGTH);
        assertThat(aead.decrypt(RFC_KEY, 0, new byte[0], sealed)).isEmpty();
    }

    @Test
    void wrongLengthKeysAreRefused() {
        assertThatThrownBy(() -> aead.encrypt(new byte[31], 0, new byte[0], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key must be 32 bytes, not 31");
        assertThatThrownBy(() -> aead.decrypt(new byte[33], 0, new byte[0], new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
