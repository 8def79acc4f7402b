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
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Plain UDP sockets on a host of the test LAN, with the test deciding every byte sent and reading every byte
 * received: a {@link DatagramRelay} in the host's namespace holding the given ports.
 */
final class RawSockets implements AutoCloseable {

    /** One datagram that reached the host. */
    record Received(int port, String fromIp, int fromPort, byte[] bytes) {
    }

    private final Process relay;
    private final Writer commands;
    private final Consumer<Received> onEach;
    private final List<Received> received = new ArrayList<>();
    private final List<String> noise = new ArrayList<>();

    /**
     * Binds {@code ports} on the host; {@code onEach} sees every datagram as it arrives (on the reader thread, before
     * anyone waiting does), e.g. to answer at once as the real program would.
     */
    RawSockets(List<String> namespacePrefix, String name, Consumer<Received> onEach, int... ports)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(namespacePrefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.net.preferIPv4Stack=true", "-cp", System.getProperty("java.class.path"),
                DatagramRelay.class.getName()));
        for (int port : ports) {
            cmd.add(String.valueOf(port));
        }
        this.onEach = onEach;
        relay = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        commands = new OutputStreamWriter(relay.getOutputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(this::read, "it-relay-" + name);
        reader.setDaemon(true);
        reader.start();
        synchronized (received) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!noise.contains("READY")) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !relay.isAlive()) {
                    throw new IOException("the relay on " + name + " did not start: " + noise);
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(relay.getInputStream(),
                StandardCharsets.US_ASCII))) {
            for (String line; (line = lines.readLine()) != null; ) {
                String[] f = line.split(" ");
                synchronized (received) {
                    if (f.length == 5 && f[0].equals("RECV")) {
                        Received r = new Received(Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]),
                                HexFormat.of().parseHex(f[4]));
                        received.add(r);
                        onEach.accept(r);
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

    /** Sends raw bytes from the host's UDP {@code fromPort} (one of those bound). */
    void send(int fromPort, String toIp, int toPort, byte[] bytes) throws IOException {
        synchronized (commands) {
            commands.write("SEND " + fromPort + " " + toIp + " " + toPort + " " + HexFormat.of().formatHex(bytes)
                    + "\n");
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
                    throw new AssertionError("The host did not receive " + what + " within " + timeout + "; it got:\n"
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
