package org.traytalk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Ed25519Test {
    private static final HexFormat HEX = HexFormat.of();
    /** The order of the base point: a valid signature's S is below it (RFC 8032 section 5.1.7). */
    private static final BigInteger L = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    /**
     * RFC 8032 section 7.1, TEST 1, 2 and 3: seed, public key, message, signature. Written from memory, confirmed
     * by the JDK and by OpenSSL (through Python's cryptography 48), which are independent implementations.
     */
    static Stream<Arguments> rfc8032() {
        return Stream.of(
                Arguments.of("TEST 1",
                        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                        "",
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
                Arguments.of("TEST 2",
                        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                        "72",
                        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
                Arguments.of("TEST 3",
                        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
                        "af82",
                        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                                + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc8032")
    void rfc8032Section71(String name, String seed, String publicKey, String message, String signature) {
        Ed25519KeyPair pair = Ed25519.keyPair(HEX.parseHex(seed));
        assertThat(HEX.formatHex(pair.publicKey())).isEqualTo(publicKey);
        assertThat(HEX.formatHex(Ed25519.sign(pair.seed(), HEX.parseHex(message)))).isEqualTo(signature);
        assertThat(HEX.formatHex(Ed25519.sign(pair, HEX.parseHex(message)))).isEqualTo(signature);
        assertThat(Ed25519.verify(pair.publicKey(), HEX.parseHex(message), HEX.parseHex(signature))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc8032")
    void everyFlippedBitOfTheSignatureIsRefused(String name, String seed, String publicKey, String message,
                                                String signature) {
        byte[] sig = HEX.parseHex(signature);
        for (int bit = 0; bit < sig.length * 8; bit++) {
            byte[] corrupt = sig.clone();
            corrupt[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(Ed25519.verify(HEX.parseHex(publicKey), HEX.parseHex(message), corrupt))
                    .as("bit %d flipped", bit).isFalse();
        }
    }

    @Test
    void anotherMessageOrKeyIsRefused() {
        Ed25519KeyPair alice = Ed25519.keyPair(FixedRandom.counting(32));
        Ed25519KeyPair bob = Ed25519.keyPair(HEX.parseHex(
                "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        byte[] message = "ONLINE ALICE".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Ed25519.sign(alice.seed(), message);
        assertThat(Ed25519.verify(alice.publicKey(), message, signature)).isTrue();
        assertThat(Ed25519.verify(bob.publicKey(), message, signature)).isFalse();
        byte[] other = message.clone();
        other[other.length - 1] ^= 1;
        assertThat(Ed25519.verify(alice.publicKey(), other, signature)).isFalse();
    }

    /** S + L verifies in lax implementations (a second signature for free); RFC 8032 requires S < L. */
    @Test
    void signatureWithOutOfRangeScalarIsRefused() {
        Ed25519KeyPair pair = Ed25519.keyPair(FixedRandom.counting(32));
        byte[] message = {1, 2, 3};
        byte[] signature = Ed25519.sign(pair.seed(), message);
        byte[] s = new byte[32];
        System.arraycopy(signature, 32, s, 0, 32);
        byte[] malleated = signature.clone();
        System.arraycopy(RawKeys.toLittleEndian(RawKeys.fromLittleEndian(s).add(L)), 0, malleated, 32, 32);
        assertThat(Ed25519.verify(pair.publicKey(), message, malleated)).isFalse();
    }

    @Test
    void malformedKeysAndSignaturesFromTheNetworkGiveFalseNotExceptions() {
        Ed25519KeyPair pair = Ed25519.keyPair(FixedRandom.counting(32));
        byte[] message = {1, 2, 3};
        byte[] signature = Ed25519.sign(pair.seed(), message);
        assertThat(Ed25519.verify(new byte[31], message, signature)).isFalse();
        assertThat(Ed25519.verify(new byte[33], message, signature)).isFalse();
        assertThat(Ed25519.verify(null, message, signature)).isFalse();
        assertThat(Ed25519.verify(pair.publicKey(), message, new byte[63])).isFalse();
        assertThat(Ed25519.verify(pair.publicKey(), message, new byte[65])).isFalse();
        assertThat(Ed25519.verify(pair.publicKey(), message, null)).isFalse();
        assertThat(Ed25519.verify(pair.publicKey(), message, new byte[64])).isFalse();
        // y = 2 is not the y of any curve point; y = p - 1 + 2^255 and all-ones are out of range
        byte[] notOnCurve = new byte[32];
        notOnCurve[0] = 2;
        byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xff);
        for (byte[] key : new byte[][] {notOnCurve, allOnes, new byte[32]}) {
            assertThat(Ed25519.verify(key, message, signature)).isFalse();
        }
    }

    @Test
    void wrongLengthSeedsAreRefused() {
        assertThatThrownBy(() -> Ed25519.sign(new byte[31], new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed must be 32 bytes, not 31");
        assertThatThrownBy(() -> Ed25519.keyPair(new byte[64])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generateDrawsTheSeedFromTheGivenRandom() {
        FixedRandom random = new FixedRandom(FixedRandom.counting(32));
        Ed25519KeyPair pair = Ed25519.generate(random);
        assertThat(random.usedUp()).isTrue();
        assertThat(pair).isEqualTo(Ed25519.keyPair(FixedRandom.counting(32)));
        assertThat(pair.toString()).doesNotContain(HEX.formatHex(pair.seed()));
    }

    @Test
    void rawPublicKeysConvertToAndFromJdkKeys() throws Exception {
        Ed25519KeyPair pair = Ed25519.keyPair(FixedRandom.counting(32));
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        EdECPublicKey publicKey = (EdECPublicKey) factory.generatePublic(Ed25519.publicKeySpec(pair.publicKey()));
        assertThat(Ed25519.rawPublicKey(publicKey)).isEqualTo(pair.publicKey());
        // the JDK's own signature verifies against the key built from our raw encoding
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(factory.generatePrivate(Ed25519.privateKeySpec(pair.seed())));
        jdk.update(new byte[] {7});
        assertThat(Ed25519.verify(pair.publicKey(), new byte[] {7}, jdk.sign())).isTrue();
    }

    /** Deterministic (RFC 8032): what Bouncy Castle signs is what the JDK signs, for any key and message. */
    @Test
    void signaturesAreTheJdksToTheByte() throws Exception {
        SplittableRandom random = new SplittableRandom(8032);
        for (int i = 0; i < 20; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] message = new byte[random.nextInt(300)];
            random.nextBytes(message);
            Ed25519KeyPair pair = Ed25519.keyPair(seed);
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(Ed25519.privateKeySpec(seed)));
            jdk.update(message);
            byte[] expected = jdk.sign();
            assertThat(Ed25519.sign(pair, message)).as("seed %s", HEX.formatHex(seed)).isEqualTo(expected);
            assertThat(Ed25519.sign(seed, message)).isEqualTo(expected);
        }
    }
}
