package org.traytalk.crypto;

/** Bytes from outside failed a cryptographic check; the subclass says which one. */
public abstract class CryptoException extends Exception {
    private static final long serialVersionUID = 1L;
    CryptoException(String message) {
        super(message);
    }

    CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
