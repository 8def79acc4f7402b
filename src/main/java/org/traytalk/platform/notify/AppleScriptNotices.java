package org.traytalk.platform.notify;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.text.SafeText;

/**
 * macOS Notification Center through {@code osascript -e 'display notification ...'}, where TrayTalk shows no Java tray
 * icon to post through. The text goes as one argument (no shell) inside an AppleScript string literal, its quotes and
 * backslashes escaped. Notification Center reports nothing back to a script, so a click shows the notice only.
 */
final class AppleScriptNotices implements DesktopNotifications {
    private static final Logger LOG = LoggerFactory.getLogger(AppleScriptNotices.class);
    static final String OSASCRIPT = "/usr/bin/osascript";

    /** Starts a program with these arguments and does not wait for it; a fake in tests. */
    interface Launcher {
        void launch(List<String> command) throws IOException;
    }

    private final Launcher launcher;

    AppleScriptNotices(Launcher launcher) {
        this.launcher = Objects.requireNonNull(launcher);
    }

    /** The real one: osascript, its output dropped. */
    static AppleScriptNotices osascript() {
        return new AppleScriptNotices(command -> new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    @Override
    public void show(Notice notice) {
        String script = "display notification " + literal(notice.body(), NotificationCenterNotices.BODY_CHARS)
                + " with title \"TrayTalk\" subtitle " + literal(notice.title(), 100);
        try {
            launcher.launch(List.of(OSASCRIPT, "-e", script));
        } catch (IOException e) {
            LOG.warn("Notification Center did not take a notice: {}", e.getMessage());
        }
    }

    /** An AppleScript string literal of the plain, one-line, clipped text. */
    static String literal(String text, int maxChars) {
        String line = SafeText.sanitize(text).replaceAll("\\s+", " ").strip();
        return '"' + ToastXml.clip(line, maxChars).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public void withdraw(long key) {
        // a script cannot take a delivered notification back
    }

    @Override
    public String describe() {
        return "macOS Notification Center (through osascript; clicks are not reported)";
    }

    @Override
    public void close() {
    }
}
