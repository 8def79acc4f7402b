package org.traytalk.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One program started the way a user's session starts it: as the user {@code nobody}, with a clean environment
 * (home, display, no D-Bus), in a network namespace. Every wrapper execs, so the process is the program itself.
 */
final class AppRun implements AutoCloseable {
    static final int NOBODY = 65534;

    private final Process process;
    final long startedNanos;

    private AppRun(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** The prefix that runs a command as {@code nobody} in {@code netns} with {@code home} and {@code display}. */
    static List<String> asUser(List<String> netns, Path home, Map<String, String> display) {
        List<String> cmd = new ArrayList<>(netns);
        cmd.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "env", "-i",
                "PATH=/usr/bin:/bin", "HOME=" + home));
        display.forEach((k, v) -> cmd.add(k + "=" + v));
        return cmd;
    }

    static AppRun start(List<String> prefix, List<String> command, Path output) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        long started = System.nanoTime();
        return new AppRun(pb.start(), started);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the program as a logout does (SIGTERM: TrayTalk says goodbye), forcibly after 20 s. */
    @Override
    public void close() {
        process.destroy();
        awaitEnd(process);
    }

    /** Gives a process that was asked to end 20 s to do so, then kills it. */
    static void awaitEnd(Process process) {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt(); // kept for the caller
        }
    }
}
