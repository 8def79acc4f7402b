package org.traytalk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * RFC 5869 appendix A, test cases 1 to 3 (the SHA-256 ones). Written from memory, confirmed by the JDK and by
 * OpenSSL (through Python's cryptography 48), which are independent implementations.
 */
class HkdfTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc5869TestCase1() {
        byte[] ikm = filled(22, 0x0b);
        byte[] prk = Hkdf.extract(HEX.parseHex("000102030405060708090a0b0c"), ikm);
        assertThat(HEX.formatHex(prk)).isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(HEX.formatHex(Hkdf.expand(prk, HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42))).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void rfc5869TestCase2() {
        byte[] prk = Hkdf.extract(range(0x60, 0xb0), range(0x00, 0x50));
        assertThat(HEX.formatHex(prk)).isEqualTo("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244");
        assertThat(HEX.formatHex(Hkdf.expand(prk, range(0xb0, 0x100), 82))).isEqualTo(
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                        + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                        + "cc30c58179ec3e87c14c01d5c1f3434f1d87");
    }

    @Test
    void rfc5869TestCase3WithEmptySaltAndInfo() {
        byte[] prk = Hkdf.extract(new byte[0], filled(22, 0x0b));
        assertThat(HEX.formatHex(prk)).isEqualTo("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
        assertThat(HEX.formatHex(Hkdf.expand(prk, new byte[0], 42))).isEqualTo(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    /** Noise's HKDF is RFC 5869 with the chaining key as salt and no info, cut into 32-byte outputs. */
    @Test
    void noiseOutputsAreTheRfcBlocks() {
        byte[] chainingKey = range(0, 32);
        byte[] ikm = range(100, 132);
        byte[] okm = Hkdf.expand(Hkdf.extract(chainingKey, ikm), new byte[0], 96);
        byte[][] three = Hkdf.noise(chainingKey, ikm, 3);
        byte[][] two = Hkdf.noise(chainingKey, ikm, 2);
        for (int i = 0; i < 3; i++) {
            assertThat(three[i]).isEqualTo(Arrays.copyOfRange(okm, 32 * i, 32 * i + 32));
        }
        assertThat(two).hasDimensions(2, 32);
        assertThat(two[0]).isEqualTo(three[0]);
        assertThat(two[1]).isEqualTo(three[1]);
        // Noise mixes an empty input in split(): the HMAC of nothing
        assertThat(Hkdf.noise(chainingKey, new byte[0], 2)[0]).hasSize(32);
    }

    @Test
    void outOfRangeRequestsAreRefused() {
        byte[] prk = new byte[32];
        assertThat(Hkdf.expand(prk, new byte[0], 255 * 32)).hasSize(8160);
        assertThatThrownBy(() -> Hkdf.expand(prk, new byte[0], 255 * 32 + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 8160 bytes");
        assertThatThrownBy(() -> Hkdf.expand(new byte[31], new byte[0], 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.noise(prk, new byte[0], 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.noise(prk, new byte[0], 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** Bytes from {@code from} up to {@code to} (exclusive), as the RFC writes its longer inputs. */
    private static byte[] range(int from, int to) {
        byte[] b = new byte[to - from];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }
}
