package org.traytalk.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    @Test
    void withoutJavasTrayIconMacOsNoticesGoThroughOsascriptAsOneEscapedArgument() throws IOException {
        List<List<String>> launched = new ArrayList<>();
        AppleScriptNotices notices = new AppleScriptNotices(launched::add);
        notices.show(new Notice(1, "BOB \"the boss\"\u202E", "say \"hi\" \\ <b>x</b>\n\tline 2\u0007", true));
        notices.withdraw(1);
        assertThat(launched).containsExactly(List.of("/usr/bin/osascript", "-e",
                "display notification \"say \\\"hi\\\" \\\\ <b>x</b> line 2\" with title \"TrayTalk\" subtitle \"BOB \\\"the boss\\\"\""));
        notices.show(new Notice(2, "BOB", "x".repeat(2000), false));
        assertThat(launched.get(1).get(2)).contains("x".repeat(NotificationCenterNotices.BODY_CHARS - 1) + "\u2026\"");

        AppleScriptNotices failing = new AppleScriptNotices(command -> {
            throw new IOException("no osascript");
        });
        failing.show(new Notice(3, "BOB", "hi", false)); // logged, not thrown at the caller
    }

    @Test
    void notificationCenterIsReachedThroughTheTrayIconElseOsascriptElseNot() throws IOException {
        List<String> shown = new ArrayList<>();
        Supplier<AppleScriptNotices> script = () -> new AppleScriptNotices(command -> shown.add("osascript"));
        assertThat(NativeNotifications.notificationCenter(Optional.of((t, b) -> shown.add("tray")), true, script)
                .describe()).contains("through the tray icon");
        assertThat(NativeNotifications.notificationCenter(Optional.empty(), true, script).describe())
                .contains("through osascript");
        assertThatThrownBy(() -> NativeNotifications.notificationCenter(Optional.empty(), false, script))
                .isInstanceOf(IOException.class).hasMessageContaining("osascript");
    }
}
