package org.traytalk.crypto;

/** A ciphertext, its tag or its associated data is not what was sealed under this key and nonce. */
public final class AuthenticationFailedException extends CryptoException {
    private static final long serialVersionUID = 1L;
    AuthenticationFailedException(String message) {
        super(message);
    }

    AuthenticationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
