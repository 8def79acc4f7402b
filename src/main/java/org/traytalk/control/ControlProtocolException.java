package org.traytalk.control;

import java.io.IOException;

/** The other end of a control connection sent something that is not a valid frame; the message says what. */
public class ControlProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ControlProtocolException(String message) {
        super(message);
    }
}
