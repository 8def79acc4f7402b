package org.traytalk.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
        return new DarkMode(System.getProperty("os.name", ""), System.getenv(), DarkMode::output);
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

    /** A short command's output, or empty when it is missing, fails or takes more than two seconds. */
    private static Optional<String> output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
