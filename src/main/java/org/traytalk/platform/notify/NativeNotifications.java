package org.traytalk.platform.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The desktop notifications of this operating system, chosen at run time; an IOException says why there are none. */
public final class NativeNotifications {
    /** Which notification centre an operating system has. */
    enum Kind {
        /** Windows 10/11 toasts ({@link WindowsToasts}). */
        WINDOWS_TOASTS,
        /** macOS Notification Center through the tray icon ({@link NotificationCenterNotices}). */
        NOTIFICATION_CENTER,
        /** Linux and the BSDs: org.freedesktop.Notifications on the session bus ({@link FreedesktopNotifications}). */
        FREEDESKTOP
    }

    private NativeNotifications() {
    }

    static Kind kindFor(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.startsWith("windows") ? Kind.WINDOWS_TOASTS : os.startsWith("mac") ? Kind.NOTIFICATION_CENTER
                : Kind.FREEDESKTOP;
    }

    /**
     * Connects to this system's notifications.
     *
     * @param trayMessages the tray icon's messages, where the tray is Java's own (macOS needs them)
     */
    public static DesktopNotifications connect(DesktopNotifications.Callbacks callbacks,
                                               Optional<TrayMessages> trayMessages) throws IOException {
        return switch (kindFor(System.getProperty("os.name", ""))) {
            case WINDOWS_TOASTS -> WindowsToasts.connect(callbacks);
            case NOTIFICATION_CENTER -> notificationCenter(trayMessages, Files.isExecutable(
                    Path.of(AppleScriptNotices.OSASCRIPT)), AppleScriptNotices::osascript);
            case FREEDESKTOP -> FreedesktopNotifications.connect(null, callbacks);
        };
    }

    /** Through Java's tray icon where TrayTalk shows one, else through osascript where there is one. */
    static DesktopNotifications notificationCenter(Optional<TrayMessages> trayMessages, boolean osascript,
                                                   Supplier<AppleScriptNotices> script) throws IOException {
        if (trayMessages.isPresent()) {
            return new NotificationCenterNotices(trayMessages.get());
        }
        if (osascript) {
            return script.get();
        }
        throw new IOException("Notification Center is reached through Java's tray icon, which TrayTalk is not using, "
                + "or " + AppleScriptNotices.OSASCRIPT + ", which is missing");
    }

    /**
     * On Windows, gives this process the AppUserModelID of the setup's shortcut, so the taskbar and the toasts show
     * TrayTalk (not Java); elsewhere nothing. Call before the first window.
     */
    public static void claimAppIdentity(String osName, Supplier<AppIdentity> identity) throws IOException {
        if (kindFor(osName) == Kind.WINDOWS_TOASTS) {
            identity.get().claim(WindowsToasts.APP_ID);
        }
    }

    /** Windows' way to claim the AppUserModelID (shell32 through JNA), loaded only where it is used. */
    public static AppIdentity shell32Identity() {
        return new Shell32AppIdentity();
    }
}
