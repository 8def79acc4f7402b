package org.traytalk.noise;

/** A handshake or transport message from the other side is malformed, unauthenticated or unexpected. */
public final class NoiseException extends Exception {
    private static final long serialVersionUID = 1L;
    NoiseException(String message) {
        super(message);
    }

    NoiseException(String message, Throwable cause) {
        super(message, cause);
    }
}
