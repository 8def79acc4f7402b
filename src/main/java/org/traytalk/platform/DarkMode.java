package org.traytalk.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Whether the user chose a dark desktop theme, asked the way each operating system answers it. */
public final class DarkMode {
    private final String osName;
    private final Map<String, String> env;
    private final Function<List<String>, Optional<String>> run;

    DarkMode(String osName, Map<String, String> env, Function<List<String>, Optional<String>> run) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.env = env;
        this.run = run;
    }

    public static DarkMode ofThisDesktop() {
        return new DarkMode(System.getProperty("os.name", ""), System.getenv(), ShortCommand::output);
    }

    public boolean isDark() {
        if (osName.startsWith("windows")) {
            // AppsUseLightTheme REG_DWORD 0x0 means dark apps
            return run.apply(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).map(out -> out.matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0\\b.*"))
                    .orElse(false);
        }
        if (osName.startsWith("mac")) {
            return run.apply(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(out -> out.strip().equalsIgnoreCase("Dark")).orElse(false);
        }
        String gtkTheme = env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
        if (gtkTheme.endsWith(":dark") || gtkTheme.endsWith("-dark")) {
            return true;
        }
        return run.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
                .map(out -> out.contains("prefer-dark")).orElse(false);
    }
}
