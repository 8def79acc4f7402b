package org.traytalk.platform.notify;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * A notification server for tests: owns {@code org.freedesktop.Notifications} on a test session bus, records every
 * call and sends the signals a real server sends when the user clicks or replies.
 */
public final class NotificationServerStandIn implements FreedesktopNotificationsBus, AutoCloseable {

    /** One Notify call as the server received it. */
    public record Call(long id, String appName, long replacesId, String summary, String body, List<String> actions,
                Map<String, Variant<?>> hints) {
    }

    public final List<Call> notified = new CopyOnWriteArrayList<>();
    public final List<Long> closed = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> capabilities;
    private final DBusConnection bus;

    public NotificationServerStandIn(String address, List<String> capabilities) throws DBusException {
        this.capabilities = List.copyOf(capabilities);
        this.bus = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        bus.exportObject(OBJECT_PATH, this);
        bus.requestBusName(BUS_NAME);
    }

    @Override
    public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                         List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
        long id = replacesId.longValue() != 0 ? replacesId.longValue() : ids.incrementAndGet();
        notified.add(new Call(id, appName, replacesId.longValue(), summary, body, actions, hints));
        return new UInt32(id);
    }

    @Override
    public void CloseNotification(UInt32 id) {
        closed.add(id.longValue());
    }

    @Override
    public List<String> GetCapabilities() {
        return capabilities;
    }

    @Override
    public String getObjectPath() {
        return OBJECT_PATH;
    }

    /** The user clicked notice {@code id}. */
    public void click(long id) throws DBusException {
        bus.sendMessage(new ActionInvoked(OBJECT_PATH, new UInt32(id), "default"));
    }

    /** The user typed {@code text} into notice {@code id}'s reply field (KDE). */
    public void reply(long id, String text) throws DBusException {
        bus.sendMessage(new NotificationReplied(OBJECT_PATH, new UInt32(id), text));
    }

    /** For trying TrayTalk by hand or measuring it: serves the bus at args[0] and prints each notice until killed. */
    public static void main(String[] args) throws Exception {
        try (NotificationServerStandIn server = new NotificationServerStandIn(args[0], List.of("body", "actions"))) {
            System.out.println("serving org.freedesktop.Notifications on " + args[0]);
            int printed = 0;
            while (!Thread.currentThread().isInterrupted()) {
                while (printed < server.notified.size()) {
                    System.out.println("notice: " + server.notified.get(printed++));
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public void close() {
        try {
            bus.close();
        } catch (IOException e) {
            // the bus goes away with the test
        }
    }
}
