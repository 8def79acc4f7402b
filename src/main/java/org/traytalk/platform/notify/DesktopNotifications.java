package org.traytalk.platform.notify;

/**
 * The desktop's own notifications (a notification centre that keeps them and obeys do-not-disturb). Each notice
 * carries a key of the caller's choosing; clicks and replies come back with it. Safe to call from any thread.
 */
public interface DesktopNotifications extends AutoCloseable {

    /** What the user did with a notice. Called on a thread of the implementation's. */
    interface Callbacks {
        /** The notice (or its default action) was clicked. */
        void clicked(long key);

        /** Text typed into the notice's reply field, where the desktop offers one. */
        void replied(long key, String text);
    }

    /**
     * One notice.
     *
     * @param key       the caller's id; showing the same key again replaces that notice
     * @param title     plain text, e.g. the sender's name
     * @param body      plain text (escaped here where the desktop would read markup)
     * @param replyable whether to offer a reply field (shown only where the desktop has one)
     */
    record Notice(long key, String title, String body, boolean replyable) {
    }

    /** Shows the notice, or replaces the one shown with the same key. */
    void show(Notice notice);

    /** Takes the notice with {@code key} away, if it is still there. */
    void withdraw(long key);

    /** What this desktop offers, for the log: e.g. "org.freedesktop.Notifications (KDE 6.0; inline-reply)". */
    String describe();

    @Override
    void close();
}
