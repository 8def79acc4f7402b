package org.traytalk.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.traytalk.crypto.X25519;
import org.traytalk.crypto.X25519KeyPair;

class HandshakePatternTest {
    private static final String SUITE = "_25519_ChaChaPoly_SHA256";

    @Test
    void pskModifiersOpenTheFirstOrCloseTheNamedMessage() {
        HandshakePattern ikpsk2 = HandshakePattern.ofProtocol("Noise_IKpsk2" + SUITE);
        assertThat(ikpsk2.messages()).containsExactly(
                List.of(Token.E, Token.ES, Token.S, Token.SS),
                List.of(Token.E, Token.EE, Token.SE, Token.PSK));
        assertThat(ikpsk2.responderPreMessage()).containsExactly(Token.S);
        HandshakePattern two = HandshakePattern.ofProtocol("Noise_NNpsk0+psk2" + SUITE);
        assertThat(two.name()).isEqualTo("NNpsk0+psk2");
        assertThat(two.messages()).containsExactly(
                List.of(Token.PSK, Token.E),
                List.of(Token.E, Token.EE, Token.PSK));
        assertThat(two.pskCount()).isEqualTo(2);
    }

    @Test
    void keysEachSideNeedsFollowFromThePattern() {
        HandshakePattern ik = HandshakePattern.ofProtocol("Noise_IK" + SUITE);
        assertThat(ik.needsLocalStatic(true)).isTrue();
        assertThat(ik.needsLocalStatic(false)).isTrue();
        assertThat(ik.needsRemoteStaticAtStart(true)).isTrue();
        assertThat(ik.needsRemoteStaticAtStart(false)).isFalse();
        HandshakePattern nk = HandshakePattern.ofProtocol("Noise_NK" + SUITE);
        assertThat(nk.needsLocalStatic(true)).isFalse();
        assertThat(nk.needsLocalStatic(false)).isTrue();
        assertThat(HandshakePattern.ofProtocol("Noise_X" + SUITE).oneWay()).isTrue();
        assertThat(HandshakePattern.ofProtocol("Noise_XX" + SUITE).oneWay()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Noise_XX_448_ChaChaPoly_SHA256", "Noise_XX_25519_AESGCM_SHA256", "Noise_XX_25519_ChaChaPoly_BLAKE2s",
            "Noise_XXfallback_25519_ChaChaPoly_SHA256", "Noise_XXhfs_25519_ChaChaPoly_SHA256",
            "Noise_ZZ_25519_ChaChaPoly_SHA256", "Noise_N1_25519_ChaChaPoly_SHA256",
            "Noise_XXpsk4_25519_ChaChaPoly_SHA256", "Noise_NNpsk0+psk0_25519_ChaChaPoly_SHA256",
            "Noise_Npsk2_25519_ChaChaPoly_SHA256", "Noise_XXpsk123_25519_ChaChaPoly_SHA256",
            "NoiseXX_25519_ChaChaPoly_SHA256", "Noise__25519_ChaChaPoly_SHA256", "", "XX"})
    void unsupportedNamesAreRefused(String protocolName) {
        assertThatThrownBy(() -> HandshakePattern.ofProtocol(protocolName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unsupported Noise protocol " + protocolName + ": ");
    }

    @Test
    void keysThePatternDoesNotUseOrLacksAreRefused() {
        X25519KeyPair pair = X25519.generate(new SecureRandom());
        byte[] publicKey = pair.publicKey();
        assertThatThrownBy(() -> HandshakeState.initiator("Noise_IK" + SUITE, new byte[0], pair, null, List.of(),
                () -> pair)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs remote static");
        assertThatThrownBy(() -> HandshakeState.initiator("Noise_XX" + SUITE, new byte[0], pair, publicKey,
                List.of(), () -> pair)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes no remote static");
        assertThatThrownBy(() -> HandshakeState.initiator("Noise_NN" + SUITE, new byte[0], pair, null, List.of(),
                () -> pair)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes no static key pair");
        assertThatThrownBy(() -> HandshakeState.responder("Noise_XX" + SUITE, new byte[0], null, null, List.of(),
                () -> pair)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs static");
        assertThatThrownBy(() -> HandshakeState.initiator("Noise_IK" + SUITE, new byte[0], pair, new byte[31],
                List.of(), () -> pair)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandshakeState.initiator("Noise_NNpsk0" + SUITE, new byte[0], null, null,
                List.of(), () -> pair)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 psk");
        assertThatThrownBy(() -> HandshakeState.initiator("Noise_NNpsk0" + SUITE, new byte[0], null, null,
                List.of(new byte[16]), () -> pair)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> HandshakeState.initiator("Noise_NN" + SUITE, new byte[0], null, null,
                List.of(new byte[32]), () -> pair)).isInstanceOf(IllegalArgumentException.class);
    }
}
