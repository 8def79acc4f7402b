package org.traytalk.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Windows computer running the FoxPro program, scripted by the test: a {@link DatagramRelay} holding UDP 138
 * and 137 in its own namespace, and the test deciding every byte it sends and reading every byte it receives.
 */
final class ScriptedWindows implements AutoCloseable {

    /** One datagram that reached the Windows computer. */
    record Received(int port, String fromIp, int fromPort, byte[] bytes) {
    }

    private final Process relay;
    private final Writer commands;
    private final List<Received> received = new ArrayList<>();
    private final List<String> noise = new ArrayList<>();
    private volatile String ownName;
    private volatile byte[] ownAddress;

    ScriptedWindows(List<String> namespacePrefix) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(namespacePrefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.net.preferIPv4Stack=true", "-cp", System.getProperty("java.class.path"),
                DatagramRelay.class.getName(), "138", "137"));
        relay = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        commands = new OutputStreamWriter(relay.getOutputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(this::read, "it-windows-relay");
        reader.setDaemon(true);
        reader.start();
        synchronized (received) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!noise.contains("READY")) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !relay.isAlive()) {
                    throw new IOException("the Windows relay did not start: " + noise);
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = lines.readLine()) != null; ) {
                String[] f = line.split(" ");
                synchronized (received) {
                    if (f.length == 5 && f[0].equals("RECV")) {
                        Received r = new Received(Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]),
                                HexFormat.of().parseHex(f[4]));
                        received.add(r);
                        answerIfAskedForUs(r);
                    } else {
                        noise.add(line);
                    }
                    received.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // relay ended
        }
    }

    /** From now on answers name queries for {@code name} at once, as Windows' NetBIOS name service does. */
    void answerNameQueries(String name, byte[] ip) {
        ownAddress = ip;
        ownName = name;
    }

    private void answerIfAskedForUs(Received r) throws IOException {
        String name = ownName;
        if (name == null || r.port() != 137 || r.bytes().length < 50 || (r.bytes()[2] & 0x80) != 0) {
            return;
        }
        WindowsFrames.Query q = WindowsFrames.Query.parse(r.bytes());
        if (q.name().equals(name) && q.suffix() == 0) {
            send(137, r.fromIp(), r.fromPort(), WindowsFrames.nameAnswer(q.transactionId(), name, ownAddress));
        }
    }

    /** Sends raw bytes from the Windows computer's UDP {@code fromPort}. */
    void send(int fromPort, String toIp, int toPort, byte[] bytes) throws IOException {
        synchronized (commands) {
            commands.write("SEND " + fromPort + " " + toIp + " " + toPort + " " + HexFormat.of().formatHex(bytes) + "\n");
            commands.flush();
        }
    }

    /** The first datagram received on {@code port} that matches; fails listing everything received otherwise. */
    Received await(String what, int port, Predicate<Received> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (Received r : received) {
                    if (r.port() == port && safely(match, r)) {
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Windows did not receive " + what + " within " + timeout + "; it got:\n"
                            + describe() + "\nrelay said: " + noise);
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private static boolean safely(Predicate<Received> match, Received r) {
        try {
            return match.test(r);
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        for (Received r : received) {
            sb.append(r.port()).append(" from ").append(r.fromIp()).append(':').append(r.fromPort()).append(' ')
                    .append(HexFormat.of().formatHex(r.bytes())).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        try {
            relay.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
