package org.traytalk.platform.idle;

import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.time.Duration;
import java.util.Optional;

/**
 * The X screen saver extension's idle time (XScreenSaverQueryInfo), on a display connection opened for each look
 * and closed after it, with the libraries and the reply's memory let go too: between looks (minutes apart while the
 * user is at the desk) TrayTalk holds no second X connection and JNA keeps no cleaner thread running.
 */
final class X11IdleTime implements IdleTime {

    /** XScreenSaverInfo from X11/extensions/scrnsaver.h. */
    @Structure.FieldOrder({"window", "state", "kind", "tilOrSince", "idle", "eventMask"})
    public static final class Info extends Structure {
        public NativeLong window;
        public int state;
        public int kind;
        public NativeLong tilOrSince;
        public NativeLong idle;
        public NativeLong eventMask;
    }

    private final String displayName;

    private X11IdleTime(String displayName) {
        this.displayName = displayName;
    }

    /** Fails (UnsatisfiedLinkError, IllegalStateException) without libXss or without a display. */
    static X11IdleTime open() {
        return open(null);
    }

    /** On the display named (e.g. ":57"), or the one in DISPLAY when null; looks once to fail here if it cannot. */
    static X11IdleTime open(String displayName) {
        X11IdleTime idle = new X11IdleTime(displayName);
        idle.look();
        return idle;
    }

    @Override
    public synchronized Optional<Duration> sinceLastInput() {
        try {
            return look();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // the display went away (logging out): nobody to be away
        }
    }

    private Optional<Duration> look() {
        try (NativeLibrary x11 = NativeLibrary.getInstance("X11"); NativeLibrary xss = NativeLibrary.getInstance("Xss")) {
            Pointer display = (Pointer) x11.getFunction("XOpenDisplay").invoke(Pointer.class,
                    new Object[] {displayName});
            if (display == null) {
                throw new IllegalStateException("no X display (DISPLAY=" + (displayName != null ? displayName
                        : System.getenv("DISPLAY")) + ")");
            }
            try {
                NativeLong root = (NativeLong) x11.getFunction("XDefaultRootWindow").invoke(NativeLong.class,
                        new Object[] {display});
                Info info = new Info();
                try {
                    if (xss.getFunction("XScreenSaverQueryInfo").invokeInt(new Object[] {display, root, info}) == 0) {
                        return Optional.empty(); // the server has no MIT-SCREEN-SAVER extension
                    }
                    info.read();
                    return Optional.of(Duration.ofMillis(info.idle.longValue()));
                } finally {
                    ((Memory) info.getPointer()).close();
                }
            } finally {
                x11.getFunction("XCloseDisplay").invokeInt(new Object[] {display});
            }
        }
    }
}
