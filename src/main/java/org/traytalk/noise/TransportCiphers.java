package org.traytalk.noise;

import java.util.Objects;

/** The two cipher states a finished handshake gives one side: one to send with, one to receive with. */
public record TransportCiphers(CipherState send, CipherState receive) {
    public TransportCiphers {
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(receive, "receive");
    }
}
