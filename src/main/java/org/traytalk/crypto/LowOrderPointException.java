package org.traytalk.crypto;

/** An X25519 public key lies in the small subgroup: the shared secret would be all zeros, known to anyone. */
public final class LowOrderPointException extends CryptoException {
    private static final long serialVersionUID = 1L;
    LowOrderPointException(String message) {
        super(message);
    }

    LowOrderPointException(String message, Throwable cause) {
        super(message, cause);
    }
}
