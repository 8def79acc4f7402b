package org.traytalk.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.platform.notify.DesktopNotifications.Notice;

/** TrayTalk's notices on a real D-Bus session bus, with a stand-in for the desktop's notification server. */
class FreedesktopNotificationsIT {
    @TempDir
    Path dir;
    SessionBus bus;
    NotificationServerStandIn server;
    FreedesktopNotifications notifications;
    final HeardCallbacks callbacks = new HeardCallbacks();
    final List<String> heard = callbacks.heard;

    @BeforeEach
    void startBus() throws Exception {
        String reason = SessionBus.unavailableReason();
        assumeTrue(reason == null, () -> "Skipping: " + reason);
        bus = SessionBus.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (notifications != null) {
            notifications.close();
        }
        if (server != null) {
            server.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void aNoticeReachesTheServerAndItsClickAndInlineReplyComeBack() throws Exception {
        server = new NotificationServerStandIn(bus.address(), List.of("body", "actions", "inline-reply"));
        notifications = FreedesktopNotifications.connect(bus.address(), callbacks);
        assertThat(notifications.canReply()).isTrue();

        notifications.show(new Notice(7, "BOB", "Lunch at noon?", true));

        await().atMost(Duration.ofSeconds(5)).until(() -> server.notified.size() == 1);
        NotificationServerStandIn.Call call = server.notified.get(0);
        assertThat(call.appName()).isEqualTo("TrayTalk");
        assertThat(call.summary()).isEqualTo("BOB");
        assertThat(call.body()).isEqualTo("Lunch at noon?");
        assertThat(call.actions()).containsExactly("default", "Open", "inline-reply", "Reply");
        assertThat(call.hints()).containsKeys("desktop-entry", "category");

        server.click(call.id());
        server.reply(call.id(), "Yes, see you there");
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 2);
        assertThat(heard).containsExactly("clicked 7", "replied 7: Yes, see you there");

        notifications.show(new Notice(7, "BOB (2)", "And coffee?", true));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.notified.size() == 2);
        assertThat(server.notified.get(1).replacesId()).as("the same key replaces its notice").isEqualTo(call.id());

        notifications.withdraw(7);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.closed.contains(call.id()));
    }

    @Test
    void markupServersGetTheTextEscapedAndNoReplyFieldWhereThereIsNone() throws Exception {
        server = new NotificationServerStandIn(bus.address(), List.of("body", "body-markup", "actions"));
        notifications = FreedesktopNotifications.connect(bus.address(), callbacks);

        notifications.show(new Notice(1, "<b>EVE</b>", "<img src=\"http://x/t.png\"> & \u202Egnp.exe", true));

        await().atMost(Duration.ofSeconds(5)).until(() -> server.notified.size() == 1);
        NotificationServerStandIn.Call call = server.notified.get(0);
        assertThat(call.body()).isEqualTo("&lt;img src=&quot;http://x/t.png&quot;&gt; &amp; gnp.exe");
        assertThat(call.summary()).as("the summary is never markup").isEqualTo("<b>EVE</b>");
        assertThat(call.actions()).containsExactly("default", "Open");
    }

    @Test
    void aBusWithoutANotificationServerIsAClearError() {
        assertThatThrownBy(() -> FreedesktopNotifications.connect(bus.address(), callbacks))
                .isInstanceOf(IOException.class).hasMessageContaining("no notification server");
        assertThatThrownBy(() -> FreedesktopNotifications.connect("unix:path=" + dir.resolve("nothing"), callbacks))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot reach the D-Bus session bus");
    }
}
