package org.traytalk.noise;

import java.util.List;
import java.util.Objects;
import org.traytalk.crypto.X25519;
import org.traytalk.crypto.X25519KeyPair;

/**
 * The keys one side brings to a handshake, checked against its pattern: each must be given exactly when the pattern
 * uses it, because a key passed but never used would look checked while it is not.
 */
record HandshakeKeys(X25519KeyPair localStatic, byte[] remoteStatic, List<byte[]> psks) {
    private static final int PSK_LENGTH = 32;

    static HandshakeKeys check(String protocolName, HandshakePattern pattern, boolean initiator,
                               X25519KeyPair localStatic, byte[] remoteStatic, List<byte[]> psks) {
        String side = initiator ? "initiator" : "responder";
        if (pattern.needsLocalStatic(initiator) != (localStatic != null)) {
            throw new IllegalArgumentException(protocolName + " " + (localStatic == null ? "needs" : "takes no")
                    + " static key pair for the " + side);
        }
        if (pattern.needsRemoteStaticAtStart(initiator) != (remoteStatic != null)) {
            throw new IllegalArgumentException(protocolName + " " + (remoteStatic == null ? "needs" : "takes no")
                    + " remote static key at the start for the " + side);
        }
        if (remoteStatic != null && remoteStatic.length != X25519.KEY_LENGTH) {
            throw new IllegalArgumentException("remote static key must be " + X25519.KEY_LENGTH + " bytes, not "
                    + remoteStatic.length);
        }
        Objects.requireNonNull(psks, "psks (an empty list when the pattern has none)");
        if (psks.size() != pattern.pskCount()) {
            throw new IllegalArgumentException(protocolName + " takes " + pattern.pskCount() + " psk(s), not "
                    + psks.size());
        }
        for (byte[] psk : psks) {
            if (psk == null || psk.length != PSK_LENGTH) {
                throw new IllegalArgumentException("each psk must be " + PSK_LENGTH + " bytes");
            }
        }
        return new HandshakeKeys(localStatic, remoteStatic == null ? null : remoteStatic.clone(),
                psks.stream().map(byte[]::clone).toList());
    }
}
