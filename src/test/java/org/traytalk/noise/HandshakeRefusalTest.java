package org.traytalk.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.traytalk.crypto.X25519;

/** Every way a handshake message can be wrong ends in NoiseException, and a refused message changes nothing. */
class HandshakeRefusalTest {
    private static final String IK = "Noise_IK_25519_ChaChaPoly_SHA256";
    private static final String IKPSK2 = "Noise_IKpsk2_25519_ChaChaPoly_SHA256";
    private static final String XX = "Noise_XX_25519_ChaChaPoly_SHA256";
    private static final String NN = "Noise_NN_25519_ChaChaPoly_SHA256";
    private static final byte[] PAYLOAD = {1, 2, 3, 4};
    private final Parties parties = new Parties();

    @Test
    void wrongPskIsRefused() throws Exception {
        HandshakeState alice = parties.alice(IKPSK2, List.of(parties.psk));
        HandshakeState bob = parties.bob(IKPSK2, List.of(parties.randomBytes(32)));
        bob.readMessage(alice.writeMessage(new byte[0]));
        byte[] second = bob.writeMessage(new byte[0]);
        assertThatThrownBy(() -> alice.readMessage(second)).isInstanceOf(NoiseException.class)
                .hasMessageContaining("failed authentication");
        assertThat(alice.isFinished()).isFalse();
    }

    @Test
    void initiatorWithTheWrongResponderKeyIsRefused() throws Exception {
        HandshakeState alice = HandshakeState.initiator(IK, Parties.PROLOGUE, parties.alice,
                X25519.generate(parties.random).publicKey(), List.of(), () -> X25519.generate(parties.random));
        HandshakeState bob = parties.bob(IK, List.of());
        byte[] first = alice.writeMessage(new byte[0]);
        assertThatThrownBy(() -> bob.readMessage(first)).isInstanceOf(NoiseException.class);
    }

    @Test
    void responderWithTheWrongInitiatorKeyIsRefused() throws Exception {
        String kk = "Noise_KK_25519_ChaChaPoly_SHA256";
        HandshakeState alice = HandshakeState.initiator(kk, Parties.PROLOGUE, parties.alice, parties.bob.publicKey(),
                List.of(), () -> X25519.generate(parties.random));
        HandshakeState bob = HandshakeState.responder(kk, Parties.PROLOGUE, parties.bob,
                X25519.generate(parties.random).publicKey(), List.of(), () -> X25519.generate(parties.random));
        byte[] first = alice.writeMessage(new byte[0]);
        assertThatThrownBy(() -> bob.readMessage(first)).isInstanceOf(NoiseException.class);
    }

    @Test
    void differentProloguesAreRefused() throws Exception {
        HandshakeState alice = HandshakeState.initiator(IK, new byte[] {1}, parties.alice, parties.bob.publicKey(),
                List.of(), () -> X25519.generate(parties.random));
        HandshakeState bob = parties.bob(IK, List.of());
        byte[] first = alice.writeMessage(new byte[0]);
        assertThatThrownBy(() -> bob.readMessage(first)).isInstanceOf(NoiseException.class);
    }

    /**
     * A flipped bit in every byte of every message: an authenticated message is refused at once and the genuine
     * one still reads afterwards; XX's first message has nothing to authenticate it yet, so the initiator refuses
     * the reply.
     */
    @ParameterizedTest
    @ValueSource(strings = {IK, IKPSK2, XX})
    void aFlippedBitInEveryByteOfEveryMessageIsRefused(String protocolName) throws Exception {
        eachMessage(protocolName, (index, initiator, receiver, message) -> {
            for (byte[] tampered : flips(message)) {
                if (protocolName.equals(XX) && index == 0) {
                    assertReplyRefused(initiator, tampered);
                } else {
                    assertThatThrownBy(() -> receiver.readMessage(tampered)).isInstanceOf(NoiseException.class);
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {IK, IKPSK2, XX})
    void everyTruncationIsRefused(String protocolName) throws Exception {
        eachMessage(protocolName, (index, initiator, receiver, message) -> {
            // XX's first message is an ephemeral key and a plaintext payload: only a cut key shows at once
            int checked = protocolName.equals(XX) && index == 0 ? 32 : message.length;
            for (int length = 0; length < checked; length++) {
                byte[] truncated = Arrays.copyOf(message, length);
                assertThatThrownBy(() -> receiver.readMessage(truncated)).as("%d of %d bytes", length, message.length)
                        .isInstanceOf(NoiseException.class);
            }
        });
    }

    /** Sees each handshake message before its receiver reads it; the genuine message must still read afterwards. */
    private interface MessageCheck {
        void check(int index, HandshakeState initiator, HandshakeState receiver, byte[] message) throws Exception;
    }

    private void eachMessage(String protocolName, MessageCheck check) throws Exception {
        List<byte[]> psks = protocolName.contains("psk") ? List.of(parties.psk) : List.of();
        HandshakeState alice = parties.alice(protocolName, psks);
        HandshakeState bob = parties.bob(protocolName, psks);
        for (int i = 0; !alice.isFinished(); i++) {
            HandshakeState sender = i % 2 == 0 ? alice : bob;
            HandshakeState receiver = i % 2 == 0 ? bob : alice;
            byte[] message = sender.writeMessage(PAYLOAD);
            check.check(i, alice, receiver, message);
            assertThat(receiver.readMessage(message)).isEqualTo(PAYLOAD);
        }
        assertThat(bob.isFinished()).isTrue();
        assertThat(alice.handshakeHash()).isEqualTo(bob.handshakeHash());
    }

    /** A damaged XX first message reaches a fresh responder, whose reply the waiting initiator must refuse. */
    private void assertReplyRefused(HandshakeState initiator, byte[] first) throws NoiseException {
        HandshakeState bob = parties.bob(XX, List.of());
        assertThat(bob.readMessage(first)).hasSize(PAYLOAD.length);
        byte[] reply = bob.writeMessage(PAYLOAD);
        assertThatThrownBy(() -> initiator.readMessage(reply)).isInstanceOf(NoiseException.class);
    }

    @Test
    void messagesReplayedAfterTheEndAreRefused() throws Exception {
        HandshakeState alice = parties.alice(IK, List.of());
        HandshakeState bob = parties.bob(IK, List.of());
        byte[] first = alice.writeMessage(new byte[0]);
        bob.readMessage(first);
        // the responder now has to answer: the same first message again is out of turn
        assertThatThrownBy(() -> bob.readMessage(first)).isInstanceOf(NoiseException.class)
                .hasMessageContaining("turn to write");
        byte[] second = bob.writeMessage(new byte[0]);
        alice.readMessage(second);
        assertThatThrownBy(() -> alice.readMessage(second)).isInstanceOf(NoiseException.class)
                .hasMessageContaining("already finished");
        assertThatThrownBy(() -> bob.readMessage(first)).isInstanceOf(NoiseException.class)
                .hasMessageContaining("already finished");
        // in transport, a replayed message finds the implicit nonce moved on
        TransportCiphers aliceCiphers = alice.split();
        TransportCiphers bobCiphers = bob.split();
        byte[] data = aliceCiphers.send().encryptWithAd(new byte[0], new byte[] {1});
        bobCiphers.receive().decryptWithAd(new byte[0], data);
        assertThatThrownBy(() -> bobCiphers.receive().decryptWithAd(new byte[0], data))
                .isInstanceOf(NoiseException.class);
    }

    @Test
    void lowOrderEphemeralIsRefusedWhereverItIsUsed() throws Exception {
        // IK: the responder mixes DH(s, re) while reading message 1
        HandshakeState alice = parties.alice(IK, List.of());
        HandshakeState bob = parties.bob(IK, List.of());
        byte[] first = alice.writeMessage(new byte[0]);
        byte[] zeroKey = first.clone();
        Arrays.fill(zeroKey, 0, 32, (byte) 0);
        assertThatThrownBy(() -> bob.readMessage(zeroKey)).isInstanceOf(NoiseException.class)
                .hasMessageContaining("low-order");
        bob.readMessage(first);

        // NN: nothing is mixed while reading message 1; writing the reply uses it, and is refused
        HandshakeState nnBob = parties.bob(NN, List.of());
        nnBob.readMessage(new byte[32]);
        assertThatThrownBy(() -> nnBob.writeMessage(new byte[0])).isInstanceOf(NoiseException.class)
                .hasMessageContaining("low-order");
        assertThatThrownBy(() -> nnBob.writeMessage(new byte[0])).isInstanceOf(NoiseException.class);
    }

    @Test
    void oversizedMessagesAreRefused() throws Exception {
        HandshakeState bob = parties.bob(XX, List.of());
        assertThatThrownBy(() -> bob.readMessage(new byte[65536])).isInstanceOf(NoiseException.class);
        HandshakeState alice = parties.alice(XX, List.of());
        assertThatThrownBy(() -> alice.writeMessage(new byte[65535 - 31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(alice.writeMessage(new byte[65535 - 32])).hasSize(65535);
    }

    @Test
    void useOutOfTurnIsAProgrammingError() throws Exception {
        HandshakeState alice = parties.alice(XX, List.of());
        HandshakeState bob = parties.bob(XX, List.of());
        assertThatThrownBy(() -> bob.writeMessage(new byte[0])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of turn");
        assertThatThrownBy(() -> alice.readMessage(new byte[32])).isInstanceOf(NoiseException.class);
        assertThatThrownBy(alice::split).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(alice::handshakeHash).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(alice::remoteStatic).isInstanceOf(IllegalStateException.class);
        Parties.complete(alice, bob);
        assertThatThrownBy(() -> alice.writeMessage(new byte[0])).isInstanceOf(IllegalStateException.class);
        alice.split();
        assertThatThrownBy(alice::split).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already");
    }

    /**
     * One flip per byte, the bit moving along (byte 31, the top of the ephemeral key, gets bit 7, which X25519
     * ignores but the handshake hash does not): every bit everywhere would take eight times as long.
     */
    private static List<byte[]> flips(byte[] message) {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < message.length; i++) {
            byte[] tampered = message.clone();
            tampered[i] ^= (byte) (1 << (i % 8));
            all.add(tampered);
        }
        return all;
    }
}
