package org.traytalk.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What somebody on the switch sees: tshark on the switch namespace's bridge (in promiscuous mode it gets every frame
 * the bridge forwards, not only broadcasts) writing the UDP datagrams that match a capture filter to a pcap file.
 */
final class BridgeCapture implements AutoCloseable {

    /** One UDP datagram read back from the capture. */
    /** @param seen when the bridge passed it (this machine's clock, as {@link Instant#now()} reads it) */
    record Datagram(String fromIp, int fromPort, String toIp, int toPort, byte[] payload, Instant seen) {
    }

    private final Path file;
    private final Path log;
    private final Process tshark;

    private BridgeCapture(Path file, Path log, Process tshark) {
        this.file = file;
        this.log = log;
        this.tshark = tshark;
    }

    /** Starts capturing into {@code file} and returns once tshark listens; {@code filter} is a pcap filter. */
    static BridgeCapture start(List<String> onSwitch, Path file, String filter) throws IOException {
        Path log = file.resolveSibling(file.getFileName() + ".log");
        List<String> cmd = new ArrayList<>(onSwitch);
        cmd.addAll(List.of("tshark", "-i", "br0", "-F", "pcap", "-w", file.toString(), "-f", filter));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        BridgeCapture capture = new BridgeCapture(file, log, p);
        try {
            Eventually.until("tshark capturing on br0", Duration.ofSeconds(20), Duration.ofMillis(100),
                    () -> !p.isAlive() || Files.readString(log).contains("Capturing on"), capture::said);
        } catch (AssertionError e) {
            capture.close();
            throw e;
        }
        if (!p.isAlive()) {
            throw new IOException("tshark ended at once: " + capture.said());
        }
        return capture;
    }

    /** Stops the capture (tshark writes out what it holds) and returns the file. */
    Path stop() throws InterruptedException {
        tshark.destroy();
        if (!tshark.waitFor(20, TimeUnit.SECONDS)) {
            tshark.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        return file;
    }

    /** Every UDP datagram in the stopped capture, in the order seen, dissected by tshark (fragments put together). */
    List<Datagram> datagrams() throws IOException, InterruptedException {
        Process read = new ProcessBuilder("tshark", "-r", file.toString(), "-Y", "udp", "-T", "fields",
                "-E", "separator=/t", "-e", "ip.src", "-e", "udp.srcport", "-e", "ip.dst", "-e", "udp.dstport",
                "-e", "udp.payload", "-e", "frame.time_epoch").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(read.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines()
                .toList();
        if (!read.waitFor(30, TimeUnit.SECONDS) || read.exitValue() != 0) {
            throw new IOException("tshark could not read " + file);
        }
        List<Datagram> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length == 6 && !f[4].isEmpty()) {
                out.add(new Datagram(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]),
                        HexFormat.of().parseHex(f[4].replace(":", "")), epoch(f[5])));
            }
        }
        return out;
    }

    /** tshark's seconds.nanoseconds since the epoch. */
    private static Instant epoch(String field) {
        String[] parts = field.split("\\.");
        long nanos = parts.length < 2 ? 0 : Long.parseLong((parts[1] + "000000000").substring(0, 9));
        return Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
    }

    /** The raw bytes of the stopped capture, headers and all: what an attacker would search. */
    byte[] bytes() throws IOException {
        return Files.readAllBytes(file);
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }

    private String said() {
        try {
            return "tshark said:\n" + Files.readString(log);
        } catch (IOException e) {
            return "(tshark's output unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tshark.destroyForcibly();
        }
    }
}
