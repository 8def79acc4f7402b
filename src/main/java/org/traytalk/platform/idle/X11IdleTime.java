package org.traytalk.platform.idle;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import com.sun.jna.platform.unix.X11;
import java.time.Duration;
import java.util.Optional;

/** The X screen saver extension's idle time (XScreenSaverQueryInfo), on a display connection of its own. */
final class X11IdleTime implements IdleTime {

    /** XScreenSaverInfo from X11/extensions/scrnsaver.h. */
    @Structure.FieldOrder({"window", "state", "kind", "tilOrSince", "idle", "eventMask"})
    public static final class Info extends Structure {
        public X11.Window window;
        public int state;
        public int kind;
        public NativeLong tilOrSince;
        public NativeLong idle;
        public NativeLong eventMask;
    }

    interface Xss extends Library {
        int XScreenSaverQueryInfo(X11.Display display, X11.Drawable drawable, Info info);
    }

    private final Xss xss;
    private final X11.Display display;
    private final X11.Window root;

    private X11IdleTime(Xss xss, X11.Display display) {
        this.xss = xss;
        this.display = display;
        this.root = X11.INSTANCE.XDefaultRootWindow(display);
    }

    /** Fails (UnsatisfiedLinkError, IllegalStateException) without libXss or without a display. */
    static X11IdleTime open() {
        return open(null);
    }

    /** On the display named (e.g. ":57"), or the one in DISPLAY when null. */
    static X11IdleTime open(String displayName) {
        Xss xss = Native.load("Xss", Xss.class);
        X11.Display display = X11.INSTANCE.XOpenDisplay(displayName);
        if (display == null) {
            throw new IllegalStateException("no X display (DISPLAY=" + System.getenv("DISPLAY") + ")");
        }
        return new X11IdleTime(xss, display);
    }

    @Override
    public synchronized Optional<Duration> sinceLastInput() {
        Info info = new Info();
        if (xss.XScreenSaverQueryInfo(display, root, info) == 0) {
            return Optional.empty(); // the server has no MIT-SCREEN-SAVER extension
        }
        return Optional.of(Duration.ofMillis(info.idle.longValue()));
    }
}
