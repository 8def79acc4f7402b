package org.traytalk.platform;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * JNA's own dlopen, dlsym and dlclose (package-private in com.sun.jna, hence reflection; checked by X11IdleTimeIT and
 * NativeHeapTest). Not NativeLibrary: its class runs {@code /sbin/ldconfig -p} in a child process when first used (a
 * "process reaper" thread for a minute), and each NativeLibrary keeps JNA's cleaner thread running.
 */
public final class Dl {
    private static final int DEFAULT_FLAGS = -1; // JNA's RTLD_LAZY | RTLD_GLOBAL
    private static final Method OPEN = method("open", String.class, int.class);
    private static final Method FIND = method("findSymbol", long.class, String.class);
    private static final Method CLOSE = method("close", long.class);

    private Dl() {
    }

    public static long open(String library) {
        return (Long) call(OPEN, library, DEFAULT_FLAGS);
    }

    public static Function function(long library, String name) {
        return Function.getFunction(new Pointer((Long) call(FIND, library, name)));
    }

    public static void close(long library) {
        call(CLOSE, library);
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            Method m = Native.class.getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UnsatisfiedLinkError("JNA without Native." + name + ": " + e);
        }
    }

    private static Object call(Method method, Object... args) {
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
