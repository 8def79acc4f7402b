package org.traytalk.platform.idle;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How long ago the user last touched keyboard or mouse, where the desktop tells. */
public interface IdleTime {

    /** Empty when it cannot be told now (no display, the call failed). */
    Optional<Duration> sinceLastInput();

    /**
     * Lets go of what the looks hold open between them (X11: a display connection and its libraries), for when the
     * next look is minutes away; the next look opens them again.
     */
    default void release() {
    }

    /** A desktop that does not tell: nobody is ever away. */
    IdleTime UNKNOWN = Optional::empty;

    /**
     * This desktop's: Windows GetLastInputInfo, macOS CoreGraphics, elsewhere the X11 screen saver extension
     * (libXss, which Xvfb offers too). {@link #UNKNOWN} where the library is missing, with one line in the log.
     */
    static IdleTime ofThisDesktop() {
        Logger log = LoggerFactory.getLogger(IdleTime.class);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.startsWith("windows")) {
                return new WindowsIdleTime();
            }
            if (os.startsWith("mac")) {
                return new MacIdleTime();
            }
            return X11IdleTime.open();
        } catch (RuntimeException | LinkageError e) {
            log.warn("Cannot tell how long the keyboard and mouse were idle ({}); away is not set automatically", e.toString());
            return UNKNOWN;
        }
    }
}
