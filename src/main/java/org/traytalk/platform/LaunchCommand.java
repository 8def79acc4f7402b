package org.traytalk.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line that starts this TrayTalk again: the installed launcher when there is one (jpackage sets
 * {@code jpackage.app-path}), else this Java with the launchers' JVM options and this jar. Autostart entries use it with {@code --minimized}.
 * The first element is the program itself (a desktop entry's {@code TryExec}).
 */
public record LaunchCommand(List<String> argv) {
    public static final String MINIMIZED = "--minimized";

    public LaunchCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty launch command");
        }
    }

    public static LaunchCommand ofThisProcess() {
        return ofThisProcess(List.of());
    }

    /**
     * This program started quietly with {@code options} (e.g. {@code --home DIR}, so that what starts at logon uses
     * the same folders as the TrayTalk that switched it on).
     */
    public static LaunchCommand ofThisProcess(List<String> options) {
        List<String> argv = new ArrayList<>(thisProgram());
        argv.addAll(options);
        argv.add(MINIMIZED);
        return new LaunchCommand(argv);
    }

    private static List<String> thisProgram() {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null && !launcher.isBlank()) {
            return List.of(launcher);
        }
        String exe = System.getProperty("launch4j.exefile"); // set by the Windows launchers
        if (exe != null && !exe.isBlank()) {
            return List.of(trayLauncher(exe));
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> argv = new ArrayList<>(List.of(java));
        argv.addAll(javaOptions());
        jarOfThisProgram().ifPresentOrElse(jar -> argv.addAll(List.of("-jar", jar.toString())), () -> {
            argv.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.traytalk.app.Main"));
        });
        return argv;
    }

    /**
     * The JVM options TrayTalk's launchers give it (the pom's {@code traytalk.jvm.options}, built into the jar), so
     * that a start at logon from a plain {@code java -jar} runs as lean as the installed launchers do.
     */
    static List<String> javaOptions() {
        try (InputStream in = LaunchCommand.class.getResourceAsStream("java-options")) {
            if (in == null) {
                return List.of();
            }
            String options = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The program this command runs: its first element. */
    public String program() {
        return argv.get(0);
    }

    /**
     * The tray launcher beside {@code exe}: {@code traytalkc.exe} (console, for commands) would open a console
     * window at every logon, so its GUI twin {@code TrayTalk.exe} is what starts at logon, as the installer sets it.
     */
    static String trayLauncher(String exe) {
        int slash = Math.max(exe.lastIndexOf('\\'), exe.lastIndexOf('/'));
        String name = exe.substring(slash + 1);
        return name.equalsIgnoreCase("traytalkc.exe") ? exe.substring(0, slash + 1) + "TrayTalk.exe" : exe;
    }

    private static Optional<Path> jarOfThisProgram() {
        try {
            Path location = Path.of(LaunchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location.toAbsolutePath()) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * For a desktop entry's Exec= value: arguments with reserved characters in double quotes with " ` $ and backslash
     * backslash-escaped, then the string-value rule doubles every backslash, and % becomes %%.
     */
    String forDesktopEntry() {
        StringBuilder sb = new StringBuilder();
        for (String arg : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (arg.isEmpty() || arg.chars().anyMatch(c -> " \t\n\"'\\><~|&;$*?#()`".indexOf(c) >= 0)) {
                sb.append('"');
                for (char c : arg.toCharArray()) {
                    if (c == '"' || c == '`' || c == '$' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                sb.append('"');
            } else {
                sb.append(arg);
            }
        }
        return sb.toString().replace("\\", "\\\\").replace("%", "%%");
    }

    /** For a Windows Run value: each argument quoted when it contains spaces. */
    String forWindows() {
        StringBuilder sb = new StringBuilder();
        for (String arg : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(arg.contains(" ") || arg.isEmpty() ? "\"" + arg + "\"" : arg);
        }
        return sb.toString();
    }
}
