package org.traytalk.tray.desktop;

import java.awt.SystemTray;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.traytalk.platform.ShortCommand;

/**
 * Whether an icon put in the tray would be seen. On Linux Dorkbox reports success even when nothing shows it
 * (no XEmbed tray host and no StatusNotifier host), so TrayTalk asks the desktop itself and, when there is none,
 * opens a window instead of running invisibly.
 */
final class TrayPresence {
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

    /** Why no tray icon would be visible here, or empty when there is a tray. */
    Optional<String> missing() {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return Optional.empty(); // both always have one: the notification area, the menu bar
        }
        if (xembedTray.getAsBoolean() || statusNotifierHost.getAsBoolean()) {
            return Optional.empty();
        }
        return Optional.of("No system tray was found on this desktop (neither a tray area nor a StatusNotifier host"
                + " such as GNOME's AppIndicator extension is running), so TrayTalk shows this window instead.");
    }

    /**
     * Like {@link #missing}, but gives a tray host that is still starting up (TrayTalk starting at logon may be
     * quicker than the panel) up to {@code patience} to appear.
     */
    Optional<String> awaitTray(Duration patience) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        Optional<String> missing = missing();
        while (missing.isPresent() && System.nanoTime() < end) {
            Thread.sleep(250);
            missing = missing();
        }
        return missing;
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
