package org.traytalk.platform.notify;

import java.io.IOException;
import java.util.Locale;

/** The desktop notifications of this operating system, connected; an IOException says why there are none. */
public final class NativeNotifications {
    private NativeNotifications() {
    }

    /**
     * Linux and the BSDs: org.freedesktop.Notifications on the session bus. Windows toasts (which need the
     * setup's Start-menu shortcut with TrayTalk's AppUserModelID) and macOS Notification Center are not wired yet.
     */
    public static DesktopNotifications connect(DesktopNotifications.Callbacks callbacks) throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            throw new IOException("TrayTalk has no native notifications on " + System.getProperty("os.name") + " yet");
        }
        return FreedesktopNotifications.connect(null, callbacks);
    }
}
