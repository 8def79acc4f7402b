package org.traytalk.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.crypto.ChaChaPoly;
import org.traytalk.crypto.X25519;

class CipherStateTest {
    private static final byte[] AD = {1, 2};
    private final Parties parties = new Parties();
    private final CipherState sender = keyed(new byte[32]);
    private final CipherState receiver = keyed(new byte[32]);

    @Test
    void refusedMessageDoesNotUseUpTheImplicitNonce() throws Exception {
        byte[] first = sender.encryptWithAd(AD, new byte[] {1});
        byte[] forged = first.clone();
        forged[0] ^= 1;
        assertThatThrownBy(() -> receiver.decryptWithAd(AD, forged)).isInstanceOf(NoiseException.class)
                .hasMessageContaining("nonce 0 failed authentication");
        assertThat(receiver.decryptWithAd(AD, first)).containsExactly(1);
        assertThat(receiver.decryptWithAd(AD, sender.encryptWithAd(AD, new byte[] {2}))).containsExactly(2);
    }

    @Test
    void implicitNoncesFollowTheCounterAndMatchExplicitOnes() throws Exception {
        byte[] zero = sender.encryptWithAd(AD, new byte[] {0});
        byte[] one = sender.encryptWithAd(AD, new byte[] {1});
        assertThat(receiver.decrypt(1, AD, one)).containsExactly(1);
        assertThat(receiver.decrypt(0, AD, zero)).containsExactly(0);
        assertThatThrownBy(() -> receiver.decrypt(1, AD, zero)).isInstanceOf(NoiseException.class);
    }

    @Test
    void nonceTwoToThe64MinusOneIsReserved() throws Exception {
        assertThatThrownBy(() -> sender.encrypt(-1L, AD, new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> receiver.decrypt(-1L, AD, new byte[16])).isInstanceOf(NoiseException.class)
                .hasMessageContaining("reserved");
        // 2^64-2 is the last usable nonce; after it the implicit counter refuses to go on
        sender.setNonce(-2L);
        receiver.setNonce(-2L);
        byte[] last = sender.encryptWithAd(AD, new byte[] {7});
        assertThat(receiver.decryptWithAd(AD, last)).containsExactly(7);
        assertThatThrownBy(() -> sender.encryptWithAd(AD, new byte[0])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> receiver.decryptWithAd(AD, last)).isInstanceOf(NoiseException.class);
        // nonces above 2^63 are ordinary unsigned values
        assertThat(receiver.decrypt(Long.MIN_VALUE, AD, sender.encrypt(Long.MIN_VALUE, AD, new byte[] {3})))
                .containsExactly(3);
    }

    @Test
    void rekeyChangesTheKeyInStepOnBothEnds() throws Exception {
        byte[] before = sender.encrypt(3, AD, new byte[] {1});
        sender.rekey();
        byte[] after = sender.encrypt(3, AD, new byte[] {1});
        assertThat(after).isNotEqualTo(before);
        assertThatThrownBy(() -> receiver.decrypt(3, AD, after)).isInstanceOf(NoiseException.class);
        receiver.rekey();
        assertThat(receiver.decrypt(3, AD, after)).containsExactly(1);
        // the spec's REKEY: the first 32 bytes of ENCRYPT(k, 2^64-1, empty ad, 32 zero bytes)
        CipherState spec = keyed(Arrays.copyOf(new ChaChaPoly().encrypt(new byte[32], -1L, new byte[0],
                new byte[32]), 32));
        assertThat(spec.encrypt(3, AD, new byte[] {1})).isEqualTo(after);
    }

    @Test
    void messagesLongerThanNoiseAllowsAreRefused() {
        assertThatThrownBy(() -> sender.encrypt(0, AD, new byte[65535 - 15]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sender.encrypt(0, AD, new byte[65535 - 16])).hasSize(65535);
        assertThatThrownBy(() -> receiver.decrypt(0, AD, new byte[65536])).isInstanceOf(NoiseException.class);
    }

    @Test
    void oneWayPatternsGiveNoReplyDirection() throws Exception {
        String x = "Noise_X_25519_ChaChaPoly_SHA256";
        HandshakeState alice = HandshakeState.initiator(x, new byte[0], parties.alice, parties.bob.publicKey(),
                List.of(), () -> X25519.generate(parties.random));
        HandshakeState bob = HandshakeState.responder(x, new byte[0], parties.bob, null, List.of(),
                () -> X25519.generate(parties.random));
        bob.readMessage(alice.writeMessage(new byte[0]));
        assertThat(bob.isFinished()).isTrue();
        assertThat(bob.remoteStatic()).isEqualTo(parties.alice.publicKey());
        TransportCiphers aliceCiphers = alice.split();
        TransportCiphers bobCiphers = bob.split();
        assertThat(bobCiphers.receive().decryptWithAd(AD, aliceCiphers.send().encryptWithAd(AD, new byte[] {5})))
                .containsExactly(5);
        assertThatThrownBy(() -> bobCiphers.send().encryptWithAd(AD, new byte[0]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one-way");
        assertThatThrownBy(() -> aliceCiphers.receive().decryptWithAd(AD, new byte[16]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one-way");
    }

    private static CipherState keyed(byte[] key) {
        CipherState state = new CipherState();
        state.initializeKey(key);
        return state;
    }
}
