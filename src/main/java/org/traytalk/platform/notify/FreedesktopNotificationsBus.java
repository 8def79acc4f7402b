package org.traytalk.platform.notify;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** The D-Bus interface of the Desktop Notifications Specification 1.2 (plus KDE's inline reply), as dbus-java maps it. */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface FreedesktopNotificationsBus extends DBusInterface {
    String BUS_NAME = "org.freedesktop.Notifications";
    String OBJECT_PATH = "/org/freedesktop/Notifications";

    UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body, List<String> actions,
                  Map<String, Variant<?>> hints, int expireTimeout);

    void CloseNotification(UInt32 id);

    List<String> GetCapabilities();

    /** A button (or the default action, "default": a click on the notice) was invoked. */
    final class ActionInvoked extends DBusSignal {
        public final UInt32 id;
        public final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }
    }

    /** KDE Plasma's inline reply: the text typed into the notice. */
    final class NotificationReplied extends DBusSignal {
        public final UInt32 id;
        public final String text;

        public NotificationReplied(String path, UInt32 id, String text) throws DBusException {
            super(path, id, text);
            this.id = id;
            this.text = text;
        }
    }

    /** The notice went away (expired, dismissed, or closed by CloseNotification). */
    final class NotificationClosed extends DBusSignal {
        public final UInt32 id;
        public final UInt32 reason;

        public NotificationClosed(String path, UInt32 id, UInt32 reason) throws DBusException {
            super(path, id, reason);
            this.id = id;
            this.reason = reason;
        }
    }
}
