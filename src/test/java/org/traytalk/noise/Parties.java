package org.traytalk.noise;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.traytalk.crypto.X25519;
import org.traytalk.crypto.X25519KeyPair;

/** Fresh key pairs for two parties and handshakes between them, for tests beyond the fixed vectors. */
final class Parties {
    static final byte[] PROLOGUE = "TrayTalk test".getBytes(StandardCharsets.US_ASCII);
    final SecureRandom random = new SecureRandom();
    final X25519KeyPair alice = X25519.generate(random);
    final X25519KeyPair bob = X25519.generate(random);
    final byte[] psk = randomBytes(32);

    byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** Alice initiates {@code protocolName} (IK, IKpsk2, XX, or NN-like with psks) to Bob, who knows no one. */
    HandshakeState alice(String protocolName, List<byte[]> psks) {
        boolean knowsBob = protocolName.startsWith("Noise_IK");
        boolean hasStatic = !protocolName.startsWith("Noise_NN");
        return HandshakeState.initiator(protocolName, PROLOGUE, hasStatic ? alice : null,
                knowsBob ? bob.publicKey() : null, psks, () -> X25519.generate(random));
    }

    HandshakeState bob(String protocolName, List<byte[]> psks) {
        boolean hasStatic = !protocolName.startsWith("Noise_NN");
        return HandshakeState.responder(protocolName, PROLOGUE, hasStatic ? bob : null, null, psks,
                () -> X25519.generate(random));
    }

    /** Runs the handshake to its end with small payloads, alternating from the initiator. */
    static void complete(HandshakeState initiator, HandshakeState responder) throws NoiseException {
        for (int i = 0; !initiator.isFinished(); i++) {
            HandshakeState sender = i % 2 == 0 ? initiator : responder;
            HandshakeState receiver = i % 2 == 0 ? responder : initiator;
            receiver.readMessage(sender.writeMessage(new byte[] {(byte) i}));
        }
    }
}
