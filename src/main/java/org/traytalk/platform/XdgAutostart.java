package org.traytalk.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Linux and other freedesktop systems: a desktop entry in {@code $XDG_CONFIG_HOME/autostart}. Its {@code TryExec}
 * names the program, so that once TrayTalk is uninstalled the desktop skips the entry instead of failing at logon;
 * its {@code Exec} starts the program through {@code env} with {@link #X11_ENVIRONMENT}.
 */
final class XdgAutostart implements Autostart {
    static final String FILE = "traytalk.desktop";
    /**
     * Before the command (env execs it, so no process stays): AWT's X thread then sleeps up to 10 s at idle, not 0.5 s.
     * XToolkit polls for min(this, its next timer, the next pending flush) and wakes the poll when a nearer one is added
     * (schedule, awt_output_flush), so tooltips, balloon timeouts and flushes stay on time; the Debian menu entry does
     * the same (installer/deb/traytalk.desktop).
     */
    static final String X11_ENVIRONMENT = "env _AWT_MAX_POLL_TIMEOUT=10000";

    private final Path file;
    private final LaunchCommand command;

    XdgAutostart(Path configHome, LaunchCommand command) {
        this.file = configHome.resolve("autostart").resolve(FILE);
        this.command = command;
    }

    @Override
    public void enable() throws IOException {
        Files.createDirectories(file.getParent());
        String entry = String.join("\n",
                "[Desktop Entry]",
                "Type=Application",
                "Name=TrayTalk",
                "Comment=Serverless LAN messenger in the system tray",
                "TryExec=" + command.program().replace("\\", "\\\\"),
                "Exec=" + X11_ENVIRONMENT + " " + command.forDesktopEntry(),
                "Icon=traytalk",
                "Terminal=false",
                "Categories=Network;InstantMessaging;",
                "X-GNOME-Autostart-enabled=true",
                "");
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, entry, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void disable() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public boolean isEnabled() throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        // a user may switch it off in the desktop's settings, which keeps the file
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .noneMatch(l -> l.replace(" ", "").equalsIgnoreCase("X-GNOME-Autostart-enabled=false")
                        || l.replace(" ", "").equalsIgnoreCase("Hidden=true"));
    }

    @Override
    public String location() {
        return file.toString();
    }
}
