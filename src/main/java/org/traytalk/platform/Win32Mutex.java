package org.traytalk.platform;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A named Win32 mutex held while TrayTalk runs (Windows only; loaded only there). */
final class Win32Mutex implements RunningMarker {
    private static final Logger LOG = LoggerFactory.getLogger(Win32Mutex.class);
    private WinNT.HANDLE handle;

    private Win32Mutex(WinNT.HANDLE handle) {
        this.handle = handle;
    }

    static RunningMarker create(String name) {
        WinNT.HANDLE h = Kernel32.INSTANCE.CreateMutex(null, false, name);
        if (h == null) {
            // not fatal: only an installer's "close TrayTalk first" check depends on it
            LOG.warn("Could not create the mutex {} (error {})", name, Kernel32.INSTANCE.GetLastError());
        }
        return new Win32Mutex(h);
    }

    @Override
    public synchronized void close() {
        if (handle != null) {
            Kernel32.INSTANCE.CloseHandle(handle);
            handle = null;
        }
    }
}
