package org.traytalk.config;

import java.util.Locale;
import java.util.Optional;

/** How a message that arrives is shown: TrayTalk's own pop-up, the desktop's notification centre, or both. */
public enum NotificationStyle {
    POPUP, NATIVE, BOTH;

    public boolean popup() {
        return this != NATIVE;
    }

    public boolean nativeNotification() {
        return this != POPUP;
    }

    /** As the settings file writes it: popup, native or both. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<NotificationStyle> of(String key) {
        for (NotificationStyle s : values()) {
            if (s.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
