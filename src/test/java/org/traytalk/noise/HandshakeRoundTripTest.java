package org.traytalk.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Handshakes between fresh random key pairs, then transport both ways. */
class HandshakeRoundTripTest {
    private final Parties parties = new Parties();

    @ParameterizedTest
    @ValueSource(strings = {"Noise_IK_25519_ChaChaPoly_SHA256", "Noise_IKpsk2_25519_ChaChaPoly_SHA256",
            "Noise_XX_25519_ChaChaPoly_SHA256"})
    void handshakeAgreesAndTransportWorksBothWays(String protocolName) throws Exception {
        List<byte[]> psks = protocolName.contains("psk") ? List.of(parties.psk) : List.of();
        HandshakeState alice = parties.alice(protocolName, psks);
        HandshakeState bob = parties.bob(protocolName, psks);
        byte[] hello = "hello bob".getBytes(StandardCharsets.UTF_8);
        byte[] first = alice.writeMessage(hello);
        assertThat(bob.readMessage(first)).isEqualTo(hello);
        if (protocolName.startsWith("Noise_IK")) {
            // IK tells the responder who is calling in the very first message
            assertThat(bob.remoteStatic()).isEqualTo(parties.alice.publicKey());
        }
        assertThat(alice.readMessage(bob.writeMessage(new byte[0]))).isEmpty();
        if (!alice.isFinished()) {
            assertThat(bob.readMessage(alice.writeMessage(new byte[0]))).isEmpty();
        }
        assertThat(alice.isFinished()).isTrue();
        assertThat(bob.isFinished()).isTrue();
        assertThat(bob.remoteStatic()).isEqualTo(parties.alice.publicKey());
        assertThat(alice.remoteStatic()).isEqualTo(parties.bob.publicKey());
        assertThat(alice.handshakeHash()).isEqualTo(bob.handshakeHash()).hasSize(32);
        assertTransportWorks(alice.split(), bob.split());
    }

    @Test
    void severalPsksAreUsedInTheirOrder() throws Exception {
        String name = "Noise_NNpsk0+psk2_25519_ChaChaPoly_SHA256";
        byte[] other = parties.randomBytes(32);
        HandshakeState alice = parties.alice(name, List.of(parties.psk, other));
        HandshakeState bob = parties.bob(name, List.of(parties.psk, other));
        Parties.complete(alice, bob);
        assertThat(alice.handshakeHash()).isEqualTo(bob.handshakeHash());
        assertTransportWorks(alice.split(), bob.split());

        HandshakeState swappedAlice = parties.alice(name, List.of(other, parties.psk));
        HandshakeState bobAgain = parties.bob(name, List.of(parties.psk, other));
        byte[] first = swappedAlice.writeMessage(new byte[0]);
        assertThatThrownBy(() -> bobAgain.readMessage(first))
                .isInstanceOf(NoiseException.class);
    }

    @Test
    void handshakeHashDiffersBetweenSessions() throws Exception {
        String name = "Noise_XX_25519_ChaChaPoly_SHA256";
        HandshakeState alice1 = parties.alice(name, List.of());
        HandshakeState bob1 = parties.bob(name, List.of());
        Parties.complete(alice1, bob1);
        HandshakeState alice2 = parties.alice(name, List.of());
        HandshakeState bob2 = parties.bob(name, List.of());
        Parties.complete(alice2, bob2);
        assertThat(alice1.handshakeHash()).isNotEqualTo(alice2.handshakeHash());
    }

    private static void assertTransportWorks(TransportCiphers alice, TransportCiphers bob) throws Exception {
        byte[] ad = {42};
        for (int i = 0; i < 3; i++) {
            byte[] toBob = ("to bob " + i).getBytes(StandardCharsets.UTF_8);
            assertThat(bob.receive().decryptWithAd(ad, alice.send().encryptWithAd(ad, toBob))).isEqualTo(toBob);
            byte[] toAlice = ("to alice " + i).getBytes(StandardCharsets.UTF_8);
            assertThat(alice.receive().decryptWithAd(ad, bob.send().encryptWithAd(ad, toAlice))).isEqualTo(toAlice);
        }
        // datagrams with explicit nonces may arrive in any order
        byte[] five = alice.send().encrypt(5, ad, new byte[] {5});
        byte[] four = alice.send().encrypt(4, ad, new byte[] {4});
        assertThat(bob.receive().decrypt(4, ad, four)).containsExactly(4);
        assertThat(bob.receive().decrypt(5, ad, five)).containsExactly(5);
        // rekey on both ends keeps them in step
        alice.send().rekey();
        bob.receive().rekey();
        byte[] after = alice.send().encrypt(6, ad, new byte[] {6});
        assertThat(bob.receive().decrypt(6, ad, after)).containsExactly(6);
    }
}
