package org.traytalk.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.traytalk.platform.notify.DesktopNotifications.Notice;
import org.traytalk.platform.notify.NativeNotifications.Kind;

class NativeNotificationsTest {

    @Test
    void eachSystemGetsItsOwnNotificationCentre() {
        assertThat(NativeNotifications.kindFor("Windows 11")).isEqualTo(Kind.WINDOWS_TOASTS);
        assertThat(NativeNotifications.kindFor("Windows Server 2025")).isEqualTo(Kind.WINDOWS_TOASTS);
        assertThat(NativeNotifications.kindFor("Mac OS X")).isEqualTo(Kind.NOTIFICATION_CENTER);
        assertThat(NativeNotifications.kindFor("Linux")).isEqualTo(Kind.FREEDESKTOP);
        assertThat(NativeNotifications.kindFor("FreeBSD")).isEqualTo(Kind.FREEDESKTOP);
    }

    @Test
    void onlyWindowsClaimsTheSetupsAppUserModelId() throws IOException {
        List<String> claimed = new ArrayList<>();
        Supplier<AppIdentity> fake = () -> claimed::add;
        NativeNotifications.claimAppIdentity("Linux", fake);
        NativeNotifications.claimAppIdentity("Mac OS X", fake);
        assertThat(claimed).isEmpty();
        NativeNotifications.claimAppIdentity("Windows 10", fake);
        assertThat(claimed).containsExactly("TrayTalk.Messenger");
    }

    @Test
    void macOsNoticesAreTheTrayIconsMessagesPlainAndClipped() {
        List<String> shown = new ArrayList<>();
        NotificationCenterNotices notices = new NotificationCenterNotices((title, text) -> shown.add(title + ": " + text));
        notices.show(new Notice(1, "BOB\u202E", "<b>hi</b>\u0007", true));
        notices.show(new Notice(2, "BOB", "x".repeat(2000), false));
        notices.withdraw(1);
        assertThat(shown).hasSize(2);
        assertThat(shown.get(0)).isEqualTo("BOB: <b>hi</b>");
        assertThat(shown.get(1)).hasSize("BOB: ".length() + NotificationCenterNotices.BODY_CHARS).endsWith("\u2026");
    }
}
