package org.traytalk.platform;

import com.sun.jna.Platform;

/** The C heap under the JVM: glibc keeps what native code freed (Java2D, fonts, X) until asked to give it back. */
public final class NativeHeap {
    private static final String GLIBC = "libc.so.6";

    private NativeHeap() {
    }

    /**
     * Returns the free pages of glibc's malloc arenas to the system (malloc_trim); does nothing on Windows, macOS or a
     * C library without it. Through {@link Dl}, so no JNA cleaner thread and no ldconfig child.
     *
     * @return whether memory was given back
     */
    public static boolean trim() {
        if (!Platform.isLinux()) {
            return false;
        }
        long libc;
        try {
            libc = Dl.open(GLIBC);
        } catch (UnsatisfiedLinkError e) {
            return false; // not glibc (musl)
        }
        try {
            return Dl.function(libc, "malloc_trim").invokeInt(new Object[] {0L}) == 1;
        } catch (UnsatisfiedLinkError e) {
            return false;
        } finally {
            Dl.close(libc);
        }
    }
}
