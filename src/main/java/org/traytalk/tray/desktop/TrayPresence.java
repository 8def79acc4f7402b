package org.traytalk.tray.desktop;

import java.awt.SystemTray;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.traytalk.platform.ShortCommand;

/**
 * Whether an icon put in the tray would be seen, and by what. On Linux Dorkbox reports success even when nothing
 * shows it (no XEmbed tray host and no StatusNotifier host), so TrayTalk asks the desktop itself and, when there is
 * none, opens a window instead of running invisibly.
 */
final class TrayPresence {
    /** What shows tray icons here. */
    enum Host {
        /** A StatusNotifier host on the session bus (KDE, GNOME's AppIndicator extension): Dorkbox's AppIndicator. */
        STATUS_NOTIFIER,
        /** Windows' notification area, macOS's menu bar, or an XEmbed tray: Java's own tray icon. */
        SYSTEM_TRAY,
        NONE
    }

    static final String NO_TRAY = "No system tray was found on this desktop (neither a tray area nor a StatusNotifier"
            + " host such as GNOME's AppIndicator extension is running), so TrayTalk shows this window instead.";

    private final String osName;
    private final BooleanSupplier xembedTray;
    private final BooleanSupplier statusNotifierHost;

    TrayPresence(String osName, BooleanSupplier xembedTray, BooleanSupplier statusNotifierHost) {
        this.osName = osName;
        this.xembedTray = xembedTray;
        this.statusNotifierHost = statusNotifierHost;
    }

    static TrayPresence ofThisDesktop() {
        return new TrayPresence(System.getProperty("os.name", ""), SystemTray::isSupported,
                TrayPresence::statusNotifierWatcherRuns);
    }

    /** A StatusNotifier host comes first where there is one: desktops that have one draw XEmbed icons as guests. */
    Host host() {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return Host.SYSTEM_TRAY; // both always have one: the notification area, the menu bar
        }
        if (statusNotifierHost.getAsBoolean()) {
            return Host.STATUS_NOTIFIER;
        }
        return xembedTray.getAsBoolean() ? Host.SYSTEM_TRAY : Host.NONE;
    }

    /**
     * Like {@link #host}, but gives a tray host that is still starting up (TrayTalk starting at logon may be
     * quicker than the panel) up to {@code patience} to appear.
     */
    Host awaitTray(Duration patience) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        Host host = host();
        while (host == Host.NONE && System.nanoTime() < end) {
            Thread.sleep(250);
            host = host();
        }
        return host;
    }

    /** Asks the session bus whether a StatusNotifier watcher (KDE, GNOME with AppIndicator, ...) is registered. */
    static boolean statusNotifierWatcherRuns() {
        String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
        if (bus == null || bus.isBlank() || bus.startsWith("disabled:")) {
            return false;
        }
        List<String> command = List.of("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:org.kde.StatusNotifierWatcher");
        return ShortCommand.output(command).map(reply -> reply.contains("boolean true"))
                .orElse(false); // no dbus-send: assume no host; the fallback window is harmless where a tray exists
    }
}
