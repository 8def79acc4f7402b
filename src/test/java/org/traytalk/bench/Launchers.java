package org.traytalk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.traytalk.it.DesktopExec;
import org.traytalk.it.NetnsLan;

/**
 * The ways TrayTalk is started, each as the command line it runs in a fresh home folder:
 * <ul>
 * <li>{@code jar}: {@code java -jar traytalk.jar}, as the README's run command;</li>
 * <li>{@code jar+jvm}: the same with the JVM options given to the benchmark ({@code --jvm "..."}), to try some;</li>
 * <li>{@code autostart}: the command of the XDG autostart entry that {@code traytalk autostart on} wrote when run from
 * the jar, as the desktop runs it at logon;</li>
 * <li>{@code deb}: the command of the Debian package's menu entry (its launcher, through env), from the .deb in
 * target/release, unpacked (not installed) and seen at /opt/traytalk by the app alone, where its class-data sharing
 * archive expects it; with {@code --home} added, as every launcher here gets it.</li>
 * <li>{@code awt}: the plain AWT tray reference ({@link AwtTrayReference}), no TrayTalk at all.</li>
 * </ul>
 */
final class Launchers {
    static final List<String> ALL = List.of("jar", "autostart", "deb", "awt");

    private final List<String> jvmOptions;

    private final Path base;
    private final Path jar;
    private final Path release;
    private final Path testClasses;
    private final String java;
    private final AsUser asUser;

    /** Runs a command as the benchmark's user in the app's namespace and returns its output. */
    interface AsUser {
        String run(Path home, List<String> command) throws IOException, InterruptedException;
    }

    Launchers(Path base, Path jar, Path release, Path testClasses, String java, List<String> jvmOptions,
              AsUser asUser) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.base = base;
        this.jar = jar;
        this.release = release;
        this.testClasses = testClasses;
        this.java = java;
        this.asUser = asUser;
    }

    /** The JVM options every launcher gives TrayTalk: the project's pom.xml, {@code traytalk.jvm.options}. */
    static List<String> pomJvmOptions(Path project) throws IOException {
        Matcher m = Pattern.compile("<traytalk.jvm.options>([^<]*)</traytalk.jvm.options>")
                .matcher(Files.readString(project.resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no traytalk.jvm.options in pom.xml");
        }
        return List.of(m.group(1).trim().split("\\s+"));
    }

    /** The command for {@code name} in {@code home}; the command may need setting up first (autostart entry). */
    Function<Path, List<String>> command(String name) throws IOException {
        return switch (name) {
            case "jar" -> home -> List.of(java, "-jar", jar.toString(), "--home", home.toString());
            case "jar+jvm" -> home -> {
                List<String> cmd = new ArrayList<>(List.of(java));
                cmd.addAll(jvmOptions);
                cmd.addAll(List.of("-jar", jar.toString(), "--home", home.toString()));
                return cmd;
            };
            case "autostart" -> this::autostartCommand;
            case "deb" -> {
                unpackDeb();
                // the entry names the launcher at /opt/traytalk, where the app's mount namespace shows the package
                List<String> menuEntry = DesktopExec.ofEntry(debRoot().resolve("lib/traytalk-traytalk.desktop"));
                yield home -> {
                    List<String> cmd = new ArrayList<>(menuEntry);
                    cmd.addAll(List.of("--home", home.toString()));
                    return cmd;
                };
            }
            case "awt" -> home -> List.of(java, "-cp", testClasses + ":" + jar, AwtTrayReference.class.getName());
            default -> throw new IllegalArgumentException("unknown launcher " + name + "; known: " + ALL);
        };
    }

    /**
     * What goes before the command (as root, in the app's own mount namespace): the unpacked package at /opt/traytalk
     * for {@code deb}, over an empty /opt, so nothing changes outside.
     */
    List<String> mounts(String name) {
        return name.equals("deb")
                ? List.of("sh", "-c", "mount -t tmpfs tmpfs /opt && mkdir /opt/traytalk"
                        + " && mount --bind \"$0\" /opt/traytalk && exec \"$@\"", debRoot().toString())
                : List.of();
    }

    private Path debRoot() {
        return base.resolve("deb/opt/traytalk");
    }

    /** Switches "Start at logon" on from the jar, as a user would in the tray menu, and returns the entry's command. */
    private List<String> autostartCommand(Path home) {
        try {
            asUser.run(home, List.of(java, "-jar", jar.toString(), "--home", home.toString(), "autostart", "on"));
            return DesktopExec.ofEntry(home.resolve(".config/autostart/traytalk.desktop"));
        } catch (IOException e) {
            throw new IllegalStateException("Start at logon could not be switched on: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void unpackDeb() throws IOException {
        List<Path> debs = new ArrayList<>();
        if (Files.isDirectory(release)) {
            try (var files = Files.list(release)) {
                files.filter(f -> f.getFileName().toString().endsWith("_amd64.deb")).forEach(debs::add);
            }
        }
        if (debs.size() != 1) {
            throw new IOException("launcher deb: expected one target/release/traytalk_*_amd64.deb, found " + debs
                    + " (build it with installer/build-deb.sh)");
        }
        NetnsLan.run("dpkg-deb", "-x", debs.get(0).toString(), base.resolve("deb").toString());
    }
}
