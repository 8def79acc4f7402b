package org.traytalk.engine;

/** A request the messenger refused (text too long, empty, unknown recipient syntax); the message says why. */
public class MessengerException extends Exception {
    private static final long serialVersionUID = 1L;

    public MessengerException(String message) {
        super(message);
    }
}
