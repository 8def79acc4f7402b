package org.traytalk.wire;

/** Bytes that do not form a valid message or envelope. The message says what is wrong and where. */
public final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
