package org.traytalk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The {@link DesktopProbe} process of one run: a command goes in, its answer line comes back. */
final class Probe implements AutoCloseable {
    private final Process process;
    private final PrintWriter in;
    private final BufferedReader out;

    private Probe(Process process) {
        this.process = process;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Probe start(List<String> netns, Map<String, String> display, String classpath, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>(netns);
        cmd.add("env");
        display.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", classpath, DesktopProbe.class.getName()));
        Probe probe = new Probe(new ProcessBuilder(cmd).redirectError(log.toFile()).start());
        probe.expect("ready");
        return probe;
    }

    /** Sends a command; returns the words of its answer after the first, which must be {@code answer}. */
    String ask(String command, String answer) throws IOException {
        in.println(command);
        return expect(answer);
    }

    /** Like {@link #ask}, but gives up (empty) as soon as {@code app} ends: it will never show what is awaited. */
    Optional<String> askWhileAlive(String command, String answer, AppRun app) throws Exception {
        in.println(command);
        CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> {
            try {
                return expect(answer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        while (true) {
            try {
                return Optional.of(reply.get(100, TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                if (!app.isAlive()) {
                    return Optional.empty();
                }
            }
        }
    }

    private String expect(String answer) throws IOException {
        String line = out.readLine();
        if (line == null || !(line.equals(answer) || line.startsWith(answer + " "))) {
            throw new IOException("the probe answered " + line + " instead of " + answer + " (its errors: see log)");
        }
        return line.substring(answer.length()).strip();
    }

    @Override
    public void close() {
        in.println("quit");
        AppRun.awaitEnd(process);
    }
}
