package org.traytalk.control;

import java.io.IOException;

/** Another process (or another owner in this one) holds the node's instance lock. */
public class AlreadyRunningException extends IOException {
    private static final long serialVersionUID = 1L;

    public AlreadyRunningException(String message) {
        super(message);
    }
}
