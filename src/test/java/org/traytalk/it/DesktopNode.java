package org.traytalk.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.traytalk.trust.IdentityFile;

/**
 * The real TrayTalk desktop app ({@code traytalk} without a command) in a namespace, on a test X display, as root
 * or as the unprivileged user {@code nobody}. Its log file is what the test watches: one line per UI action.
 */
final class DesktopNode implements AutoCloseable {
    static final int NOBODY = 65534;

    final String name;
    final Path home;
    private final Path jar;
    private final List<String> prefix;
    private final Map<String, String> env;
    private Process process;

    /**
     * @param base a folder readable by everyone: the jar is copied there so {@code nobody} can read it
     */
    DesktopNode(String name, String run, Path base, List<String> netns, boolean asNobody, Map<String, String> displayEnv,
                String settings) throws IOException {
        this.name = name;
        this.home = base.resolve(name.toLowerCase() + "-" + run); // a fresh home (and log) per run
        this.jar = base.resolve("traytalk.jar");
        if (!Files.exists(jar)) {
            Files.copy(NodeProcess.JAR, jar, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.createDirectories(home);
        Files.writeString(home.resolve("traytalk.properties"), settings);
        // every run is the same person's TrayTalk: one identity, or its peers would rightly see a changed key
        Path identity = base.resolve(name.toLowerCase() + "." + IdentityFile.NAME);
        if (!Files.exists(identity)) {
            IdentityFile.loadOrCreate(identity, new SecureRandom());
        }
        Files.copy(identity, home.resolve(IdentityFile.NAME), StandardCopyOption.REPLACE_EXISTING);
        List<String> p = new ArrayList<>(netns);
        this.env = new HashMap<>(displayEnv);
        env.put("HOME", home.toString());
        if (asNobody) {
            chown(home, NOBODY);
            p.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        this.prefix = p;
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "--home", home.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Waits until the X server answers a real request ({@code xwininfo -root}) made as this node will make it: from
     * its namespace, as its user, with its environment. A display that answers the test's own tools (from the host)
     * may not yet answer there; what it printed last is in the failure.
     */
    void awaitDisplay(Duration patience) {
        String[] last = {""};
        Eventually.until(name + "'s display answering " + env.get("DISPLAY"), patience, Duration.ofMillis(200), () -> {
            List<String> cmd = new ArrayList<>(prefix);
            cmd.addAll(List.of("xwininfo", "-root"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            last[0] = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && last[0].contains("(the root window)");
        }, () -> "xwininfo said: " + last[0]);
    }

    DesktopNode start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command()).redirectErrorStream(true)
                .redirectOutput(home.resolve("process.out").toFile());
        pb.environment().putAll(env);
        process = pb.start();
        return this;
    }

    /** Runs a command that hands over to the running app, e.g. {@code quit}. */
    NodeProcess.Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(args)).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + ": " + String.join(" ", args) + " did not finish in " + timeout);
        }
        return new NodeProcess.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Waits for a log line; fails with the log's tail when it does not come. */
    String awaitLog(String what, Predicate<String> match, Duration timeout) {
        return Eventually.find(name + " logging " + what, timeout, DesktopIT.LOOK,
                () -> log().stream().filter(match).findFirst(), this::report);
    }

    List<String> log() {
        Path log = home.resolve("logs").resolve("traytalk.log");
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** What the process printed (stdout and stderr). */
    String output() {
        try {
            Path out = home.resolve("process.out");
            return Files.exists(out) ? Files.readString(out) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for the process to end; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + timeout + "\n" + report());
        }
        return process.exitValue();
    }

    String report() {
        StringBuilder sb = new StringBuilder("=== " + name + " log:\n");
        log().forEach(l -> sb.append(l).append('\n'));
        try {
            Path out = home.resolve("process.out");
            if (Files.exists(out)) {
                sb.append("=== output:\n").append(Files.readString(out));
            }
        } catch (IOException e) {
            sb.append("(output unreadable: ").append(e.getMessage()).append(")\n");
        }
        return sb.toString();
    }

    private static void chown(Path path, int uid) throws IOException {
        NetnsLan.run("chown", "-R", uid + ":" + uid, path.toString());
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
