package org.traytalk.platform.notify;

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
final class NotificationServerStandIn implements FreedesktopNotificationsBus, AutoCloseable {

    /** One Notify call as the server received it. */
    record Call(long id, String appName, long replacesId, String summary, String body, List<String> actions,
                Map<String, Variant<?>> hints) {
    }

    final List<Call> notified = new CopyOnWriteArrayList<>();
    final List<Long> closed = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> capabilities;
    private final DBusConnection bus;

    NotificationServerStandIn(String address, List<String> capabilities) throws DBusException {
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
    void click(long id) throws DBusException {
        bus.sendMessage(new ActionInvoked(OBJECT_PATH, new UInt32(id), "default"));
    }

    /** The user typed {@code text} into notice {@code id}'s reply field (KDE). */
    void reply(long id, String text) throws DBusException {
        bus.sendMessage(new NotificationReplied(OBJECT_PATH, new UInt32(id), text));
    }

    @Override
    public void close() {
        try {
            bus.close();
        } catch (java.io.IOException e) {
            // the bus goes away with the test
        }
    }
}
