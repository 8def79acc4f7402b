package org.traytalk.platform.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the desktop told, as "clicked KEY" and "replied KEY: TEXT", in order. */
final class HeardCallbacks implements DesktopNotifications.Callbacks {
    final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void clicked(long key) {
        heard.add("clicked " + key);
    }

    @Override
    public void replied(long key, String text) {
        heard.add("replied " + key + ": " + text);
    }
}
