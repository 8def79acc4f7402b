package org.traytalk.control;

import java.io.IOException;

/** The control socket is not the user's own: nothing is handed over to it. */
public final class ForeignSocketException extends IOException {
    private static final long serialVersionUID = 1L;

    public ForeignSocketException(String message) {
        super(message);
    }
}
