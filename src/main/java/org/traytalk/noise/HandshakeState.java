package org.traytalk.noise;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.traytalk.crypto.ChaChaPoly;
import org.traytalk.crypto.LowOrderPointException;
import org.traytalk.crypto.X25519;
import org.traytalk.crypto.X25519KeyPair;

/**
 * One side of a Noise handshake (spec section 5.3), driven by the pattern in its protocol name. It takes exactly
 * the keys its pattern uses, null or empty otherwise: a local static key pair, the remote static public key known
 * in advance (raw 32 bytes), psks (32 bytes each, in the order the pattern uses them), and a source of fresh
 * ephemeral key pairs. A {@link #writeMessage}/{@link #readMessage} that throws leaves the state as it was, so a
 * forged or damaged message costs nothing and the genuine one can still follow. Not thread-safe.
 */
public final class HandshakeState {
    private static final int DH_LENGTH = X25519.KEY_LENGTH;
    private final String protocolName;
    private final HandshakePattern pattern;
    private final boolean initiator;
    private final SymmetricState symmetric;
    private final X25519KeyPair localStatic;
    private final List<byte[]> psks;
    private final Supplier<X25519KeyPair> ephemeralSource;
    private X25519KeyPair localEphemeral;
    private byte[] remoteStatic;
    private byte[] remoteEphemeral;
    private int nextPsk;
    private int nextMessage;
    private boolean split;

    private HandshakeState(boolean initiator, String protocolName, byte[] prologue, X25519KeyPair localStatic,
                           byte[] remoteStatic, List<byte[]> psks, Supplier<X25519KeyPair> ephemeralSource) {
        this.protocolName = protocolName;
        this.pattern = HandshakePattern.ofProtocol(protocolName);
        this.initiator = initiator;
        HandshakeKeys keys = HandshakeKeys.check(protocolName, pattern, initiator, localStatic, remoteStatic, psks);
        this.localStatic = keys.localStatic();
        this.remoteStatic = keys.remoteStatic();
        this.psks = keys.psks();
        this.ephemeralSource = Objects.requireNonNull(ephemeralSource, "ephemeral key source");
        this.symmetric = new SymmetricState(protocolName);
        symmetric.mixHash(Objects.requireNonNull(prologue, "prologue"));
        mixPreMessage(pattern.initiatorPreMessage(), initiator);
        mixPreMessage(pattern.responderPreMessage(), !initiator);
    }

    /** The initiator of {@code protocolName}, with exactly the keys its pattern uses (see the class comment). */
    public static HandshakeState initiator(String protocolName, byte[] prologue, X25519KeyPair localStatic,
                                           byte[] remoteStatic, List<byte[]> psks,
                                           Supplier<X25519KeyPair> ephemeralSource) {
        return new HandshakeState(true, protocolName, prologue, localStatic, remoteStatic, psks, ephemeralSource);
    }

    /** The responder of {@code protocolName}, with exactly the keys its pattern uses (see the class comment). */
    public static HandshakeState responder(String protocolName, byte[] prologue, X25519KeyPair localStatic,
                                           byte[] remoteStatic, List<byte[]> psks,
                                           Supplier<X25519KeyPair> ephemeralSource) {
        return new HandshakeState(false, protocolName, prologue, localStatic, remoteStatic, psks, ephemeralSource);
    }

    /** The next handshake message carrying {@code payload}; NoiseException if a received key is a low-order point. */
    public byte[] writeMessage(byte[] payload) throws NoiseException {
        Objects.requireNonNull(payload, "payload");
        if (isFinished() || HandshakePattern.sentByInitiator(nextMessage) != initiator) {
            throw new IllegalStateException(isFinished() ? "handshake finished: send with split()'s cipher states"
                    : "out of turn: the " + (initiator ? "initiator" : "responder") + " must read message "
                    + (nextMessage + 1) + " of " + protocolName + " before writing");
        }
        Saved saved = save();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Token token : pattern.messages().get(nextMessage)) {
                writeToken(token, out);
            }
            out.writeBytes(symmetric.encryptAndHash(payload));
            if (out.size() > CipherState.MAX_MESSAGE) {
                throw new IllegalArgumentException("handshake message would be " + out.size()
                        + " bytes, more than Noise allows (" + CipherState.MAX_MESSAGE + ")");
            }
            nextMessage++;
            return out.toByteArray();
        } catch (NoiseException | RuntimeException e) {
            restore(saved);
            throw e;
        }
    }

    /** The payload of the other side's next message; NoiseException for anything bad, out of turn or after the end. */
    public byte[] readMessage(byte[] message) throws NoiseException {
        Objects.requireNonNull(message, "message");
        if (isFinished()) {
            throw new NoiseException("handshake already finished: a handshake message now is a replay");
        }
        if (HandshakePattern.sentByInitiator(nextMessage) == initiator) {
            throw new NoiseException("unexpected message: it is this side's turn to write message "
                    + (nextMessage + 1) + " of " + protocolName);
        }
        if (message.length > CipherState.MAX_MESSAGE) {
            throw new NoiseException("handshake message of " + message.length + " bytes is longer than Noise allows");
        }
        Saved saved = save();
        try {
            ByteBuffer in = ByteBuffer.wrap(message);
            for (Token token : pattern.messages().get(nextMessage)) {
                readToken(token, in);
            }
            byte[] rest = new byte[in.remaining()];
            in.get(rest);
            byte[] payload = symmetric.decryptAndHash(rest);
            nextMessage++;
            return payload;
        } catch (NoiseException | RuntimeException e) {
            restore(saved);
            throw e;
        }
    }

    /** Whether every handshake message has been written or read. */
    public boolean isFinished() {
        return nextMessage == pattern.messages().size();
    }

    /** This side's send and receive cipher states, once (one-way patterns: the reply direction refuses all use). */
    public TransportCiphers split() {
        if (!isFinished() || split) {
            throw new IllegalStateException(split ? "split() already handed out this handshake's cipher states"
                    : "handshake of " + protocolName + " not finished: no transport keys yet");
        }
        split = true;
        CipherState[] pair = symmetric.split();
        CipherState toResponder = pair[0];
        CipherState toInitiator = pattern.oneWay()
                ? CipherState.unusable(protocolName + " is one-way: the responder never sends")
                : pair[1];
        return initiator ? new TransportCiphers(toResponder, toInitiator)
                : new TransportCiphers(toInitiator, toResponder);
    }

    /** The hash of the whole handshake, equal on both sides (for channel binding); only once finished. */
    public byte[] handshakeHash() {
        if (!isFinished()) {
            throw new IllegalStateException("handshake of " + protocolName + " not finished: no final hash yet");
        }
        return symmetric.handshakeHash();
    }

    /** The other side's static public key (raw 32 bytes), given at the start or learned from its message. */
    public byte[] remoteStatic() {
        if (remoteStatic == null) {
            throw new IllegalStateException("no remote static key: " + protocolName
                    + " carries none to this side, or the message with it has not been read yet");
        }
        return remoteStatic.clone();
    }

    private void writeToken(Token token, ByteArrayOutputStream out) throws NoiseException {
        switch (token) {
            case E -> {
                localEphemeral = Objects.requireNonNull(ephemeralSource.get(), "ephemeral key pair");
                byte[] publicKey = localEphemeral.publicKey();
                out.writeBytes(publicKey);
                mixEphemeral(publicKey);
            }
            case S -> out.writeBytes(symmetric.encryptAndHash(localStatic.publicKey()));
            case PSK -> symmetric.mixKeyAndHash(psks.get(nextPsk++));
            default -> symmetric.mixKey(dh(token));
        }
    }

    private void readToken(Token token, ByteBuffer in) throws NoiseException {
        switch (token) {
            case E -> {
                remoteEphemeral = take(in, DH_LENGTH, token);
                mixEphemeral(remoteEphemeral);
            }
            case S -> {
                int length = symmetric.hasKey() ? DH_LENGTH + ChaChaPoly.TAG_LENGTH : DH_LENGTH;
                remoteStatic = symmetric.decryptAndHash(take(in, length, token));
            }
            case PSK -> symmetric.mixKeyAndHash(psks.get(nextPsk++));
            default -> symmetric.mixKey(dh(token));
        }
    }

    /** With a psk, the spec also mixes each ephemeral into the key (section 9.2): psk keys then depend on it. */
    private void mixEphemeral(byte[] publicKey) {
        symmetric.mixHash(publicKey);
        if (!psks.isEmpty()) {
            symmetric.mixKey(publicKey);
        }
    }

    /** The DH a token names; its first letter is the initiator's key, its second the responder's. */
    private byte[] dh(Token token) throws NoiseException {
        boolean initiatorEphemeral = token == Token.EE || token == Token.ES;
        boolean responderEphemeral = token == Token.EE || token == Token.SE;
        boolean mineIsEphemeral = initiator ? initiatorEphemeral : responderEphemeral;
        boolean theirsIsEphemeral = initiator ? responderEphemeral : initiatorEphemeral;
        X25519KeyPair mine = mineIsEphemeral ? localEphemeral : localStatic;
        byte[] theirs = theirsIsEphemeral ? remoteEphemeral : remoteStatic;
        try {
            return X25519.dh(mine.privateKey(), theirs);
        } catch (LowOrderPointException e) {
            throw new NoiseException("the other side's " + (theirsIsEphemeral ? "ephemeral" : "static")
                    + " key is a low-order point (token " + token.name().toLowerCase(Locale.ROOT) + ")", e);
        }
    }

    private static byte[] take(ByteBuffer in, int length, Token token) throws NoiseException {
        if (in.remaining() < length) {
            throw new NoiseException("handshake message too short: token " + token.name().toLowerCase(Locale.ROOT)
                    + " needs " + length + " bytes, " + in.remaining() + " left");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private void mixPreMessage(List<Token> tokens, boolean fromThisSide) {
        for (Token token : tokens) {
            if (token != Token.S) {
                throw new IllegalStateException("pre-message token " + token + " is not supported");
            }
            symmetric.mixHash(fromThisSide ? localStatic.publicKey() : remoteStatic);
        }
    }

    private Saved save() {
        return new Saved(symmetric.save(), localEphemeral, remoteEphemeral, remoteStatic, nextPsk);
    }

    private void restore(Saved saved) {
        symmetric.restore(saved.symmetric);
        localEphemeral = saved.localEphemeral;
        remoteEphemeral = saved.remoteEphemeral;
        remoteStatic = saved.remoteStatic;
        nextPsk = saved.nextPsk;
    }

    /** What a refused message may have changed, to put back. */
    private record Saved(SymmetricState.Saved symmetric, X25519KeyPair localEphemeral, byte[] remoteEphemeral,
                         byte[] remoteStatic, int nextPsk) {
    }
}
