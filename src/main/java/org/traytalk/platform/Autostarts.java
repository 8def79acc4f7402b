package org.traytalk.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Picks the autostart mechanism by operating system, at run time. */
public final class Autostarts {
    private Autostarts() {
    }

    public static Autostart forThisMachine() {
        return forThisMachine(List.of());
    }

    /** The switch for this machine, starting this program with {@code options} (before {@code --minimized}). */
    public static Autostart forThisMachine(List<String> options) {
        Map<String, String> env = System.getenv();
        // $HOME is what the desktop session uses; Java's user.home comes from the password database instead
        String home = env.get("HOME");
        Path userHome = home != null && !home.isBlank() && Path.of(home).isAbsolute()
                ? Path.of(home) : Path.of(System.getProperty("user.home"));
        // a lambda, not JnaWindowsRegistry::new: a constructor reference loads the class (and JNA's) right here
        return forPlatform(System.getProperty("os.name", ""), env, userHome, LaunchCommand.ofThisProcess(options),
                () -> new JnaWindowsRegistry());
    }

    /** Supplies the registry only when the OS is Windows, so JNA's Windows classes load nowhere else. */
    interface RegistrySource {
        WindowsRegistry open();
    }

    static Autostart forPlatform(String osName, Map<String, String> env, Path userHome, LaunchCommand command,
                                 RegistrySource registry) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new RunKeyAutostart(registry.open(), command);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return new LaunchAgentAutostart(userHome, command);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path configHome = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : userHome.resolve(".config");
        return new XdgAutostart(configHome, command);
    }
}
