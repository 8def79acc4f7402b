package org.traytalk.tray.desktop;

import dorkbox.updates.Updates;

/**
 * Dorkbox's libraries report themselves to an update server over plain HTTP unless told not to, and read the
 * switch once, when their first class loads. An office messenger must never do that.
 */
public final class DorkboxUpdates {
    static final String PROPERTY = "dorkbox.updates.Updates.ENABLE";

    private DorkboxUpdates() {
    }

    /** Call first thing in {@code main}, before any Dorkbox class can load. Touches no Dorkbox class itself. */
    public static void switchOff() {
        System.setProperty(PROPERTY, "false");
    }

    /** Loads Dorkbox's update class if needed and makes sure it is off; returns whether it was already off. */
    static boolean ensureOff() {
        boolean wasOff = !Updates.INSTANCE.getENABLE();
        Updates.INSTANCE.setENABLE(false);
        return wasOff;
    }
}
