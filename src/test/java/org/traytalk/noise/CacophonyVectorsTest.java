package org.traytalk.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.traytalk.noise.CacophonyVectors.Message;
import org.traytalk.noise.CacophonyVectors.Side;
import org.traytalk.noise.CacophonyVectors.Vector;

/**
 * Every cacophony vector, both sides driven with its fixed keys: each handshake and transport message is compared
 * byte for byte, decrypted by the other side, and both sides end with the vector's handshake hash. As in the
 * vector file, messages alternate from the initiator, except in one-way patterns, where all go to the responder.
 */
class CacophonyVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    static List<Vector> vectors() throws IOException {
        return CacophonyVectors.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void bothSidesProduceTheVectorsMessages(Vector vector) throws Exception {
        HandshakeState initiator = start(true, vector.protocolName(), vector.initiator());
        HandshakeState responder = start(false, vector.protocolName(), vector.responder());
        List<Message> messages = vector.messages();
        int i = 0;
        for (; !initiator.isFinished(); i++) {
            boolean fromInitiator = i % 2 == 0;
            HandshakeState sender = fromInitiator ? initiator : responder;
            HandshakeState receiver = fromInitiator ? responder : initiator;
            byte[] sent = sender.writeMessage(messages.get(i).payload());
            assertThat(HEX.formatHex(sent)).as("handshake message %d", i)
                    .isEqualTo(HEX.formatHex(messages.get(i).ciphertext()));
            assertThat(receiver.readMessage(sent)).as("payload of message %d", i).isEqualTo(messages.get(i).payload());
        }
        assertThat(responder.isFinished()).isTrue();
        assertThat(HEX.formatHex(initiator.handshakeHash())).isEqualTo(HEX.formatHex(vector.handshakeHash()));
        assertThat(responder.handshakeHash()).isEqualTo(vector.handshakeHash());

        boolean oneWay = i == 1;
        TransportCiphers initiatorCiphers = initiator.split();
        TransportCiphers responderCiphers = responder.split();
        assertThat(messages.size()).as("transport messages in the vector").isGreaterThan(i);
        for (; i < messages.size(); i++) {
            boolean fromInitiator = oneWay || i % 2 == 0;
            CipherState send = fromInitiator ? initiatorCiphers.send() : responderCiphers.send();
            CipherState receive = fromInitiator ? responderCiphers.receive() : initiatorCiphers.receive();
            byte[] sent = send.encryptWithAd(new byte[0], messages.get(i).payload());
            assertThat(HEX.formatHex(sent)).as("transport message %d", i)
                    .isEqualTo(HEX.formatHex(messages.get(i).ciphertext()));
            assertThat(receive.decryptWithAd(new byte[0], sent)).isEqualTo(messages.get(i).payload());
        }
    }

    @Test
    void theFileHoldsAll59HandshakesCoveringEveryPatternInTheTable() throws IOException {
        List<Vector> all = vectors();
        assertThat(all).hasSize(59);
        Set<String> names = all.stream().map(Vector::protocolName).collect(Collectors.toSet());
        assertThat(names).hasSize(59);
        for (String pattern : PatternTable.NOTATION.keySet()) {
            assertThat(names).contains("Noise_" + pattern + "_25519_ChaChaPoly_SHA256");
        }
        assertThat(names).anyMatch(n -> n.contains("psk0")).anyMatch(n -> n.contains("psk1"))
                .anyMatch(n -> n.contains("psk2")).anyMatch(n -> n.contains("psk3"));
    }

    private static HandshakeState start(boolean initiator, String protocolName, Side side) {
        return initiator
                ? HandshakeState.initiator(protocolName, side.prologue(), side.localStaticPair(), side.remoteStatic(),
                        side.psks(), side.ephemeralSource())
                : HandshakeState.responder(protocolName, side.prologue(), side.localStaticPair(), side.remoteStatic(),
                        side.psks(), side.ephemeralSource());
    }
}
