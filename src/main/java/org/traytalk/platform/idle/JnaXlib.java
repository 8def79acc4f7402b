package org.traytalk.platform.idle;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;
import org.traytalk.platform.Dl;

/**
 * libX11 and libXss through JNA's bare dlopen/dlsym ({@link Dl}) and functions at raw addresses. Each Memory and
 * each String argument keeps JNA's cleaner thread running, like a NativeLibrary: so the arguments here are plain
 * arrays and numbers, which JNA copies for the call and back.
 */
final class JnaXlib implements Xlib {
    private static final String X11 = "libX11.so.6";
    private static final String XSS = "libXss.so.1";
    /** XScreenSaverInfo from X11/extensions/scrnsaver.h: window, state, kind, til_or_since, idle, event_mask. */
    private static final int INFO_LONGS_LP64 = 5; // longs, idle at 3 (state and kind share the second)
    private static final int INFO_INTS_ILP32 = 6; // ints, idle at 4

    @Override
    public Connection connect(String displayName) {
        long x11 = Dl.open(X11);
        long xss = 0;
        try {
            xss = Dl.open(XSS);
            Function closeDisplay = Dl.function(x11, "XCloseDisplay");
            Function rootOf = Dl.function(x11, "XDefaultRootWindow");
            Function query = Dl.function(xss, "XScreenSaverQueryInfo");
            Pointer display = (Pointer) Dl.function(x11, "XOpenDisplay").invoke(Pointer.class,
                    new Object[] {displayName == null ? null : cString(displayName)});
            if (display == null) {
                throw new IllegalStateException("no X display (DISPLAY=" + (displayName != null ? displayName
                        : System.getenv("DISPLAY")) + ")");
            }
            NativeLong root = (NativeLong) rootOf.invoke(NativeLong.class, new Object[] {display});
            return new Open(x11, xss, display, root, query, closeDisplay);
        } catch (RuntimeException | LinkageError e) {
            if (xss != 0) {
                Dl.close(xss);
            }
            Dl.close(x11);
            throw e;
        }
    }

    private static byte[] cString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    private record Open(long x11, long xss, Pointer display, NativeLong root, Function query, Function closeDisplay)
            implements Connection {

        @Override
        public OptionalLong idleMillis() {
            if (Native.LONG_SIZE == 8) {
                long[] info = new long[INFO_LONGS_LP64];
                return query.invokeInt(new Object[] {display, root, info}) == 0 ? OptionalLong.empty()
                        : OptionalLong.of(info[3]);
            }
            int[] info = new int[INFO_INTS_ILP32];
            return query.invokeInt(new Object[] {display, root, info}) == 0 ? OptionalLong.empty()
                    : OptionalLong.of(Integer.toUnsignedLong(info[4]));
        }

        @Override
        public void close() {
            try {
                closeDisplay.invokeInt(new Object[] {display});
            } finally {
                Dl.close(xss);
                Dl.close(x11);
            }
        }
    }
}
