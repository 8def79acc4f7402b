package org.traytalk.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What every LAN test starts from: the check that it can run here (root, {@code ip}, the packaged jar), a
 * namespace LAN, and {@code traytalk} nodes on it with the usual test settings. {@link #close} ends the nodes and
 * removes the namespaces, whatever state a failed test left them in.
 */
final class LanFixture implements AutoCloseable {
    private final NetnsLan lan;
    private final Path homes;
    private final List<NodeProcess> nodes = new ArrayList<>();
    /** When each host was out of the switch: from just before its cable was pulled to just after it was back. */
    private final Map<String, List<Outage>> unplugged = new HashMap<>();

    private record Outage(Instant from, Instant to) {
    }

    private LanFixture(NetnsLan lan, Path homes) {
        this.lan = lan;
        this.homes = homes;
    }

    /**
     * Skips the calling test, saying why, when namespaces or the jar are missing; otherwise builds an empty LAN.
     *
     * @param prefix t and a letter ({@code tt}, {@code tn}, {@code ta}): with this JVM's pid it names the
     *               namespaces, which is how CI tells a crashed run's leftovers from a running test's
     * @param homes  where the nodes' home folders go
     */
    static LanFixture create(String test, String prefix, Path homes) throws IOException {
        String reason = NetnsLan.unavailableReason();
        assumeTrue(reason == null, () -> "Skipping " + test + ": " + reason);
        assumeTrue(NodeProcess.JAR.toFile().isFile(), "Skipping: " + NodeProcess.JAR + " not built (run mvn verify)");
        return new LanFixture(NetnsLan.create(prefix + ProcessHandle.current().pid()), homes);
    }

    /** The settings every test node has: its name, eth0 only, a heartbeat every 5 s; then {@code extra} lines. */
    static String settings(String name, String... extra) {
        StringBuilder s = new StringBuilder("name = " + name + "\nnetwork.interfaces = eth0\n"
                + "presence.heartbeat.seconds = 5\n");
        for (String line : extra) {
            s.append(line).append('\n');
        }
        return s.toString();
    }

    /** A host 10.77.0.{octet} on the LAN without a node; returns the command prefix that runs a program there. */
    List<String> host(String host, int octet) throws IOException {
        return lan.exec(lan.addHost(host, octet));
    }

    /** A node {@code name} (not yet started) on host 10.77.0.{octet}, with {@link #settings} plus {@code extra}. */
    NodeProcess node(String name, int octet, String... extra) throws IOException {
        return node(name, name.toLowerCase(), octet, extra);
    }

    /** Like {@link #node(String, int, String...)} on a host of another name: a second computer using the name. */
    NodeProcess node(String name, String host, int octet, String... extra) throws IOException {
        NodeProcess node = new NodeProcess(name, homes.resolve(host), host(host, octet), settings(name, extra));
        nodes.add(node);
        return node;
    }

    /** Runs {@code action} with the host's cable out of the switch (its node keeps running, unreachable). */
    <T> T whileUnplugged(String host, Callable<T> action) throws Exception {
        Instant pulled = Instant.now();
        lan.unplug(host);
        try {
            return action.call();
        } finally {
            lan.plugIn(host);
            unplugged.computeIfAbsent(host, h -> new ArrayList<>()).add(new Outage(pulled, Instant.now()));
        }
    }

    /** Whether something the switch passed at {@code seen} may have missed {@code host}: it was unplugged then. */
    boolean wasUnplugged(String host, Instant seen) {
        return unplugged.getOrDefault(host, List.of()).stream()
                .anyMatch(o -> !seen.isBefore(o.from()) && !seen.isAfter(o.to()));
    }

    /** The command prefix that runs a program on the switch, where the bridge sees all traffic. */
    List<String> onSwitch() {
        return lan.onSwitch();
    }

    /** On a failure, what every node printed and logged: the assertion names only one of them. */
    static TestWatcher reportOnFailure(Supplier<LanFixture> fixture) {
        return NodeProcess.reportOnFailure(() -> {
            LanFixture f = fixture.get();
            return f == null ? new NodeProcess[0] : f.nodes.toArray(NodeProcess[]::new);
        });
    }

    /** True when {@code program} is on the PATH (tshark, for the tests that look at the wire). */
    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Closes {@code fixture} when there is one: a skipped test built none. */
    static void close(LanFixture fixture) {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Override
    public void close() {
        nodes.forEach(NodeProcess::close);
        lan.close();
    }
}
