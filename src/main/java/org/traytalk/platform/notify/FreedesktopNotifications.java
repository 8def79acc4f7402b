package org.traytalk.platform.notify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.text.SafeText;

/**
 * Notices through {@code org.freedesktop.Notifications} on the session bus (GNOME, KDE, Xfce, dunst, ...): a click
 * is the "default" action; where the server advertises {@code inline-reply} (KDE) a notice offers a reply field.
 * The body is escaped where the server reads markup. Open with {@link #connect}; a failure to reach the bus or the
 * server is an {@link IOException} that says which.
 */
public final class FreedesktopNotifications implements DesktopNotifications {
    private static final Logger LOG = LoggerFactory.getLogger(FreedesktopNotifications.class);
    static final String APP_NAME = "TrayTalk";
    /** A session bus answers at once; a missing one should not hold the start-up up for long. */
    static final int CONNECT_MILLIS = 2000;

    private final DBusConnection bus;
    private final FreedesktopNotificationsBus server;
    private final Callbacks callbacks;
    private final List<String> capabilities;
    private final Map<Long, UInt32> shown = new ConcurrentHashMap<>(); // our key -> the server's id
    private final List<AutoCloseable> handlers = new ArrayList<>();

    private FreedesktopNotifications(DBusConnection bus, FreedesktopNotificationsBus server, List<String> capabilities,
                                     Callbacks callbacks) {
        this.bus = bus;
        this.server = server;
        this.capabilities = List.copyOf(capabilities);
        this.callbacks = callbacks;
    }

    /** Connects to the session bus ({@code address}, or the environment's when null) and asks the server what it can. */
    public static FreedesktopNotifications connect(String address, Callbacks callbacks) throws IOException {
        DBusConnection bus;
        try {
            bus = (address == null ? DBusConnectionBuilder.forSessionBus() : DBusConnectionBuilder.forAddress(address))
                    .withShared(false).transportConfig().withTimeout(CONNECT_MILLIS).back().build();
        } catch (DBusException | RuntimeException e) {
            throw new IOException("cannot reach the D-Bus session bus (" + e.getMessage() + ")", e);
        }
        try {
            FreedesktopNotificationsBus server = bus.getRemoteObject(FreedesktopNotificationsBus.BUS_NAME,
                    FreedesktopNotificationsBus.OBJECT_PATH, FreedesktopNotificationsBus.class, false);
            List<String> capabilities = server.GetCapabilities();
            FreedesktopNotifications n = new FreedesktopNotifications(bus, server, capabilities,
                    Objects.requireNonNull(callbacks));
            n.listen();
            return n;
        } catch (DBusException | RuntimeException e) {
            closeQuietly(bus);
            throw new IOException("no notification server answers on the session bus (" + e.getMessage() + ")", e);
        }
    }

    private void listen() throws DBusException {
        handlers.add(bus.addSigHandler(FreedesktopNotificationsBus.ActionInvoked.class, server, signal ->
                keyOf(signal.id).ifPresent(callbacks::clicked)));
        handlers.add(bus.addSigHandler(FreedesktopNotificationsBus.NotificationReplied.class, server, signal ->
                keyOf(signal.id).ifPresent(key -> callbacks.replied(key, signal.text))));
        handlers.add(bus.addSigHandler(FreedesktopNotificationsBus.NotificationClosed.class, server, signal ->
                keyOf(signal.id).ifPresent(shown::remove)));
    }

    private Optional<Long> keyOf(UInt32 id) {
        return shown.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst();
    }

    public boolean canReply() {
        return capabilities.contains("inline-reply");
    }

    @Override
    public void show(Notice notice) {
        boolean markup = capabilities.contains("body-markup");
        String body = SafeText.sanitize(notice.body());
        List<String> actions = new ArrayList<>(List.of("default", "Open"));
        if (notice.replyable() && canReply()) {
            actions.addAll(List.of("inline-reply", "Reply"));
        }
        Map<String, Variant<?>> hints = Map.of(
                "desktop-entry", new Variant<>("traytalk"),
                "category", new Variant<>("im.received"),
                "urgency", new Variant<>((byte) 1));
        UInt32 replaces = shown.getOrDefault(notice.key(), new UInt32(0));
        try {
            UInt32 id = server.Notify(APP_NAME, replaces, "traytalk", SafeText.sanitize(notice.title()),
                    markup ? SafeText.htmlEscape(body) : body, actions, hints, -1);
            shown.put(notice.key(), id);
        } catch (RuntimeException e) {
            LOG.warn("The desktop did not take a notification: {}", e.getMessage());
        }
    }

    @Override
    public void withdraw(long key) {
        UInt32 id = shown.remove(key);
        if (id != null) {
            try {
                server.CloseNotification(id);
            } catch (RuntimeException e) {
                LOG.debug("Closing notification {} failed: {}", id, e.getMessage());
            }
        }
    }

    @Override
    public String describe() {
        return FreedesktopNotificationsBus.BUS_NAME + " (" + String.join(", ", capabilities) + ")";
    }

    @Override
    public void close() {
        handlers.forEach(FreedesktopNotifications::closeQuietly);
        closeQuietly(bus);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("Closing {} failed", c, e);
        }
    }
}
