package org.traytalk.platform.idle;

import java.util.OptionalLong;

/** The X calls {@link X11IdleTime} makes: libX11 and libXss through JNA ({@link JnaXlib}), a fake in tests. */
interface Xlib {

    /**
     * Loads the libraries and opens a connection to the display named (e.g. ":57"; the one in DISPLAY when null).
     * Fails (IllegalStateException, UnsatisfiedLinkError) without a display or a library, holding nothing.
     */
    Connection connect(String displayName);

    /** One open display connection, with the libraries it was opened through. */
    interface Connection extends AutoCloseable {

        /** XScreenSaverQueryInfo's idle milliseconds; empty when the server has no MIT-SCREEN-SAVER extension. */
        OptionalLong idleMillis();

        /** Closes the display connection and lets the libraries go. */
        @Override
        void close();
    }
}
