package org.traytalk.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.platform.notify.DesktopNotifications.Notice;

/** Windows toasts against a fake toast host: what TrayTalk tells the host and what it does with the host's lines. */
class WindowsToastsTest {
    @TempDir
    Path dir;

    private final HeardCallbacks callbacks = new HeardCallbacks();
    private final List<String> clicks = callbacks.heard;

    /** Records commands; says what it is told to say when started. */
    static final class FakeHost implements ToastHost {
        final List<String> commands = new ArrayList<>();
        final List<String> sayAtStart;
        Consumer<String> lines;
        boolean closed;
        boolean failSends;

        FakeHost(String... sayAtStart) {
            this.sayAtStart = List.of(sayAtStart);
        }

        ToastHost start(Consumer<String> events) {
            lines = events;
            sayAtStart.forEach(events);
            return this;
        }

        @Override
        public void send(String line) throws IOException {
            if (failSends) {
                throw new IOException("The pipe is being closed");
            }
            commands.add(line);
        }

        @Override
        public boolean alive() {
            return !closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private Path shortcut() throws IOException {
        return Files.writeString(dir.resolve("TrayTalk.lnk"), "a shell link");
    }

    @Test
    void noticesGoToTheHostAsToastsAndClicksComeBackByKey() throws IOException {
        FakeHost host = new FakeHost("ready");
        try (WindowsToasts toasts = WindowsToasts.connect(callbacks, List.of(shortcut()), host::start,
                Duration.ofSeconds(1))) {
            toasts.show(new Notice(42, "BOB", "Lunch <now>?", true));
            toasts.withdraw(42);
            assertThat(host.commands).containsExactly(
                    ToastHostLines.show(42, ToastXml.of(new Notice(42, "BOB", "Lunch <now>?", true))),
                    "withdraw 2a");
            host.lines.accept("clicked 2a");
            host.lines.accept("problem The notification platform is unavailable.");
            host.lines.accept("clicked nonsense");
            assertThat(clicks).containsExactly("clicked 42");
            assertThat(toasts.describe()).isEqualTo("Windows toasts as TrayTalk.Messenger");
        }
        assertThat(host.closed).as("closing the toasts ends the host").isTrue();
    }

    @Test
    void withoutTheSetupsShortcutNoHostIsStarted() {
        FakeHost host = new FakeHost("ready");
        assertThatThrownBy(() -> WindowsToasts.connect(callbacks, List.of(dir.resolve("TrayTalk.lnk")), host::start,
                Duration.ofSeconds(1))).isInstanceOf(IOException.class)
                .hasMessageContaining("no Start menu shortcut").hasMessageContaining("setup");
        assertThatThrownBy(() -> WindowsToasts.connect(callbacks, List.of(), host::start, Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class);
        assertThat(host.lines).isNull();
    }

    @Test
    void aHostThatCannotShowToastsSaysWhyAndIsClosed() throws IOException {
        FakeHost host = new FakeHost("error Element not found. (0x80070490)");
        Path link = shortcut();
        assertThatThrownBy(() -> WindowsToasts.connect(callbacks, List.of(link), host::start, Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class).hasMessage("Windows toasts cannot be shown: Element not found. (0x80070490)");
        assertThat(host.closed).isTrue();
    }

    @Test
    void aHostThatNeverGetsReadyIsGivenUpOn() throws IOException {
        FakeHost host = new FakeHost();
        Path link = shortcut();
        assertThatThrownBy(() -> WindowsToasts.connect(callbacks, List.of(link), host::start, Duration.ofMillis(50)))
                .isInstanceOf(IOException.class).hasMessageContaining("did not get ready within");
        assertThat(host.closed).isTrue();
    }

    @Test
    void aHostThatEndedLosesTheNoticeNotTheApp() throws IOException {
        FakeHost host = new FakeHost("ready");
        try (WindowsToasts toasts = WindowsToasts.connect(callbacks, List.of(shortcut()), host::start,
                Duration.ofSeconds(1))) {
            host.failSends = true;
            toasts.show(new Notice(1, "BOB", "hi", false));
            toasts.withdraw(1);
            assertThat(host.commands).isEmpty();
        }
    }

    @Test
    void theShortcutIsLookedForInThisUsersAndAllUsersStartMenus() {
        assertThat(WindowsToasts.startMenuShortcuts(Map.of("APPDATA", "C:\\Users\\bob\\AppData\\Roaming",
                "ProgramData", "C:\\ProgramData"))).containsExactly(
                Path.of("C:\\Users\\bob\\AppData\\Roaming", "Microsoft", "Windows", "Start Menu", "Programs",
                        "TrayTalk.lnk"),
                Path.of("C:\\ProgramData", "Microsoft", "Windows", "Start Menu", "Programs", "TrayTalk.lnk"));
        assertThat(WindowsToasts.startMenuShortcuts(Map.of())).isEmpty();
    }
}
