package org.traytalk.platform.notify;

import java.util.Objects;
import org.traytalk.text.SafeText;

/**
 * macOS Notification Center through the tray icon's messages (Java puts them there since JDK 9, JDK-8187639): they
 * stay in the centre and obey Focus. Java tells nothing of clicks on them and cannot take one back, so a click shows
 * the notice only and a notice stays until the user clears it; the conversation opens from the tray as ever.
 */
final class NotificationCenterNotices implements DesktopNotifications {
    /** Notification Center shows a few lines; the rest is in the conversation. */
    static final int BODY_CHARS = 500;

    private final TrayMessages tray;

    NotificationCenterNotices(TrayMessages tray) {
        this.tray = Objects.requireNonNull(tray);
    }

    @Override
    public void show(Notice notice) {
        tray.display(SafeText.sanitize(notice.title()), ToastXml.clip(SafeText.sanitize(notice.body()), BODY_CHARS));
    }

    @Override
    public void withdraw(long key) {
        // Java has no way to take a delivered notification back
    }

    @Override
    public String describe() {
        return "macOS Notification Center (through the tray icon; clicks are not reported)";
    }

    @Override
    public void close() {
    }
}
