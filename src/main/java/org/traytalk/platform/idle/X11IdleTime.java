package org.traytalk.platform.idle;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The X screen saver extension's idle time (XScreenSaverQueryInfo). The first look opens a display connection and
 * keeps it for the looks that follow (every few seconds while the user is away); {@link #release()} closes it and
 * lets the libraries go when looks come minutes apart again, so a present user's TrayTalk holds no second X
 * connection.
 */
final class X11IdleTime implements IdleTime {
    private final Xlib xlib;
    private final String displayName;
    private Xlib.Connection connection; // open from a look until release()

    X11IdleTime(Xlib xlib, String displayName) {
        this.xlib = Objects.requireNonNull(xlib);
        this.displayName = displayName;
    }

    /** Fails (UnsatisfiedLinkError, IllegalStateException) without libXss or without a display. */
    static X11IdleTime open() {
        return open(null);
    }

    /** On the display named (e.g. ":57"), or the one in DISPLAY when null; looks once to fail here if it cannot. */
    static X11IdleTime open(String displayName) {
        X11IdleTime idle = new X11IdleTime(new JnaXlib(), displayName);
        try {
            idle.look();
        } finally {
            idle.release(); // the first real look comes when the user could be away, minutes from now
        }
        return idle;
    }

    @Override
    public synchronized Optional<Duration> sinceLastInput() {
        try {
            return look();
        } catch (RuntimeException | LinkageError e) {
            release(); // the display went away (logging out): nobody to be away; the next look connects anew
            return Optional.empty();
        }
    }

    @Override
    public synchronized void release() {
        if (connection != null) {
            Xlib.Connection open = connection;
            connection = null;
            open.close();
        }
    }

    private Optional<Duration> look() {
        if (connection == null) {
            connection = xlib.connect(displayName);
        }
        OptionalLong idle = connection.idleMillis();
        return idle.isPresent() ? Optional.of(Duration.ofMillis(idle.getAsLong())) : Optional.empty();
    }
}
