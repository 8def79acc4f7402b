package org.traytalk.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A real {@code traytalk} process (the packaged jar) with its own home folder, optionally inside a network
 * namespace. Collects what it prints so tests can wait for events.
 */
final class NodeProcess implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("traytalk.jar", "target/traytalk.jar"));

    record Result(int exitCode, String output) {
    }

    final String name;
    final Path home;
    private final List<String> prefix;
    private final List<String> lines = new ArrayList<>();
    private Process process;

    NodeProcess(String name, Path home, List<String> commandPrefix, String settings) throws IOException {
        this.name = name;
        this.home = home;
        this.prefix = commandPrefix;
        Files.createDirectories(home);
        Files.writeString(home.resolve("traytalk.properties"), settings);
    }

    static List<String> java() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toAbsolutePath().toString());
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(java());
        cmd.add("--home");
        cmd.add(home.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts {@code traytalk listen}. */
    NodeProcess startListening() throws IOException {
        synchronized (lines) {
            lines.clear();
        }
        process = new ProcessBuilder(command("listen")).redirectError(home.resolve("stderr-" + System.nanoTime() + ".txt").toFile()).start();
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "it-read-" + name);
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    /** Runs a one-shot command (it hands over to the running node when there is one). */
    Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + ": " + String.join(" ", args) + " did not finish in " + timeout);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Waits until a printed line matches, failing with everything printed so far when it does not come. */
    String await(String what, Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (match.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(name + " did not print " + what + " within " + timeout
                            + "; it printed:\n" + String.join("\n", lines) + "\nstderr: " + stderr());
                }
                lines.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Everything this node printed and logged, for a failure report. */
    String report() {
        StringBuilder sb = new StringBuilder("=== " + name + " printed:\n");
        lines().forEach(l -> sb.append(l).append('\n'));
        sb.append("=== ").append(name).append(" stderr:\n").append(stderr());
        Path log = home.resolve("logs").resolve("traytalk.log");
        try {
            if (Files.exists(log)) {
                List<String> all = Files.readAllLines(log);
                sb.append("=== ").append(name).append(" log (last 60 lines):\n");
                all.subList(Math.max(0, all.size() - 60), all.size()).forEach(l -> sb.append(l).append('\n'));
            }
        } catch (IOException e) {
            sb.append("(log unreadable: ").append(e.getMessage()).append(")\n");
        }
        return sb.toString();
    }

    /** True when every word follows a space somewhere in the line: a `listen` event has those fields. */
    static boolean has(String line, String... words) {
        for (String w : words) {
            if (!line.contains(" " + w)) {
                return false;
            }
        }
        return true;
    }

    /** The command prefix that runs a program where this node runs (its network namespace). */
    List<String> commandPrefix() {
        return prefix;
    }

    /** On a failure, what every node printed and logged: the assertion names only one of them. */
    static TestWatcher reportOnFailure(Supplier<NodeProcess[]> nodes) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                for (NodeProcess n : nodes.get()) {
                    if (n != null) {
                        System.err.println(n.report());
                    }
                }
            }
        };
    }

    long count(Predicate<String> match) {
        synchronized (lines) {
            return lines.stream().filter(match).count();
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private String stderr() {
        try (var files = Files.list(home)) {
            StringBuilder sb = new StringBuilder();
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("stderr-")).sorted().toList()) {
                sb.append(Files.readString(f));
            }
            return sb.toString();
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Orderly stop (SIGTERM): the node says OFFLINE. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Like kill -9: no goodbye. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the process; interrupted while waiting for it to end, it keeps the interrupt for the caller. */
    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
