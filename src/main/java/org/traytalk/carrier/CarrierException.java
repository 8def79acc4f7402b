package org.traytalk.carrier;

import java.io.IOException;

/** A carrier could not start or send; the message is meant for the user and says how to fix it. */
public class CarrierException extends IOException {
    private static final long serialVersionUID = 1L;

    public CarrierException(String message) {
        super(message);
    }

    public CarrierException(String message, Throwable cause) {
        super(message, cause);
    }
}
