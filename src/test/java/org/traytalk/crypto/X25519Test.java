package org.traytalk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class X25519Test {
    private static final HexFormat HEX = HexFormat.of();

    // RFC 7748 section 5.2, first test vector. Written from memory, confirmed by the JDK and by OpenSSL (through
    // Python's cryptography 48), which are independent implementations.
    @Test
    void rfc7748Section52FirstVector() throws Exception {
        byte[] scalar = HEX.parseHex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4");
        byte[] u = HEX.parseHex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c");
        assertThat(HEX.formatHex(X25519.dh(scalar, u)))
                .isEqualTo("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
    }

    // RFC 7748 section 5.2, second test vector (its u has the top bit set, which must be ignored). From memory, and
    // my first recollection of the output was one digit wrong: JDK and OpenSSL both give this value.
    @Test
    void rfc7748Section52SecondVector() throws Exception {
        byte[] scalar = HEX.parseHex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d");
        byte[] u = HEX.parseHex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493");
        assertThat(HEX.formatHex(X25519.dh(scalar, u)))
                .isEqualTo("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
        byte[] topBitClear = u.clone();
        topBitClear[31] &= 0x7f;
        assertThat(X25519.dh(scalar, topBitClear)).isEqualTo(X25519.dh(scalar, u));
    }

    // RFC 7748 section 5.2, the iterated test: k = X25519(k, u), u = old k, from k = u = 9; after 1 and 1,000
    // iterations (the 1,000,000 one takes minutes). Confirmed with OpenSSL as above.
    @Test
    void rfc7748Section52Iterated() throws Exception {
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = k.clone();
        for (int i = 1; i <= 1000; i++) {
            byte[] next = X25519.dh(k, u);
            u = k;
            k = next;
            if (i == 1) {
                assertThat(HEX.formatHex(k))
                        .isEqualTo("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
            }
        }
        assertThat(HEX.formatHex(k)).isEqualTo("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
    }

    // RFC 7748 section 6.1: Alice's and Bob's key pairs and their shared secret. Confirmed with OpenSSL as above.
    @Test
    void rfc7748Section61DiffieHellman() throws Exception {
        X25519KeyPair alice = X25519.keyPair(HEX.parseHex(
                "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        X25519KeyPair bob = X25519.keyPair(HEX.parseHex(
                "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertThat(HEX.formatHex(alice.publicKey()))
                .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(HEX.formatHex(bob.publicKey()))
                .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertThat(HEX.formatHex(X25519.dh(alice.privateKey(), bob.publicKey()))).isEqualTo(shared);
        assertThat(HEX.formatHex(X25519.dh(bob.privateKey(), alice.publicKey()))).isEqualTo(shared);
    }

    /** Points of order 2, 4 and 8, and 0 and 1 again as u + p (libsodium's list; OpenSSL refuses each too). */
    @ParameterizedTest
    @ValueSource(strings = {
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000",
            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
            "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"})
    void lowOrderPublicKeysAreRefused(String u) {
        byte[] privateKey = X25519.keyPair(FixedRandom.counting(32)).privateKey();
        assertThatThrownBy(() -> X25519.dh(privateKey, HEX.parseHex(u)))
                .isInstanceOf(LowOrderPointException.class)
                .hasMessageContaining("low-order point");
    }

    @Test
    void wrongLengthKeysAreRefused() {
        byte[] key = new byte[32];
        assertThatThrownBy(() -> X25519.dh(new byte[31], key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private key must be 32 bytes, not 31");
        assertThatThrownBy(() -> X25519.dh(key, new byte[33])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public key must be 32 bytes, not 33");
        assertThatThrownBy(() -> X25519.keyPair(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new X25519KeyPair(key, new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generateDrawsThePrivateKeyFromTheGivenRandom() {
        byte[] privateKey = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        FixedRandom random = new FixedRandom(privateKey);
        X25519KeyPair pair = X25519.generate(random);
        assertThat(random.usedUp()).isTrue();
        assertThat(pair).isEqualTo(X25519.keyPair(privateKey));
        assertThat(pair.privateKey()).isEqualTo(privateKey);
    }

    @Test
    void keyPairIsImmutableAndNeverPrintsItsPrivateKey() {
        byte[] privateKey = FixedRandom.counting(32);
        X25519KeyPair pair = X25519.keyPair(privateKey);
        privateKey[0] ^= 1;
        pair.privateKey()[1] ^= 1;
        pair.publicKey()[1] ^= 1;
        assertThat(pair.privateKey()).isEqualTo(FixedRandom.counting(32));
        assertThat(pair).isEqualTo(X25519.keyPair(FixedRandom.counting(32))).hasSameHashCodeAs(
                X25519.keyPair(FixedRandom.counting(32)));
        assertThat(pair.toString()).contains(HEX.formatHex(pair.publicKey()))
                .doesNotContain(HEX.formatHex(pair.privateKey()));
    }

    @Test
    void rawKeysConvertToAndFromJdkKeys() throws Exception {
        X25519KeyPair pair = X25519.keyPair(FixedRandom.counting(32));
        KeyFactory factory = KeyFactory.getInstance("X25519");
        XECPublicKey publicKey = (XECPublicKey) factory.generatePublic(X25519.publicKeySpec(pair.publicKey()));
        XECPrivateKey privateKey = (XECPrivateKey) factory.generatePrivate(X25519.privateKeySpec(pair.privateKey()));
        assertThat(X25519.rawPublicKey(publicKey)).isEqualTo(pair.publicKey());
        assertThat(X25519.rawPrivateKey(privateKey)).isEqualTo(pair.privateKey());
        // u is little-endian: byte 0 is the lowest
        assertThat(X25519.publicKeySpec(HEX.parseHex(
                "0900000000000000000000000000000000000000000000000000000000000000")).getU())
                .isEqualTo(BigInteger.valueOf(9));
    }
}
