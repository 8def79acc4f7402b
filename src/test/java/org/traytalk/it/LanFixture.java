package org.traytalk.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private LanFixture(NetnsLan lan, Path homes) {
        this.lan = lan;
        this.homes = homes;
    }

    /**
     * Skips the calling test, saying why, when namespaces or the jar are missing; otherwise builds an empty LAN.
     *
     * @param prefix {@code tt} or {@code tn}: with this JVM's pid it names the namespaces, which is how CI tells
     *               a crashed run's leftovers from a running test's
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

    /** A node called {@code name} (not yet started) on host 10.77.0.{octet}, with {@link #settings} plus {@code extra}. */
    NodeProcess node(String name, int octet, String... extra) throws IOException {
        NodeProcess node = new NodeProcess(name, homes.resolve(name.toLowerCase()), host(name.toLowerCase(), octet),
                settings(name, extra));
        nodes.add(node);
        return node;
    }

    /** On a failure, what every node printed and logged: the assertion names only one of them. */
    static TestWatcher reportOnFailure(Supplier<LanFixture> fixture) {
        return NodeProcess.reportOnFailure(() -> {
            LanFixture f = fixture.get();
            return f == null ? new NodeProcess[0] : f.nodes.toArray(NodeProcess[]::new);
        });
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
