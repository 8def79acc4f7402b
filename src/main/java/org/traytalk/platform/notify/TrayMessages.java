package org.traytalk.platform.notify;

/** The tray icon's own messages ({@code java.awt.TrayIcon.displayMessage}), which macOS puts in Notification Center. */
@FunctionalInterface
public interface TrayMessages {

    /** Shows a message with this title and text (plain text). */
    void display(String title, String text);
}
