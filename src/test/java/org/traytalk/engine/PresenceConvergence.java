package org.traytalk.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.traytalk.carrier.InMemoryNetwork;
import org.traytalk.model.Peer;

/**
 * How fast an office of TrayTalk nodes lists one another when some datagrams are lost: {@code nodes} secure nodes
 * on the in-memory LAN, started {@code spacingMs} apart in virtual time, each datagram lost with {@code lossPercent}
 * percent chance (a busy LAN or a node whose JVM is still starting drops some); prints, at moments from 1 s to 3
 * minutes after the last start, how many nodes list all others and how many peers they list on average, and at the
 * end how many datagrams each node sent and got (each one a signature made or checked). Engine and protocol only: no
 * JVM starts, no kernel, so it shows what the presence exchange itself costs in lost packets. Prints numbers, asserts
 * nothing. Run (arguments optional: nodes, loss percent, spacing in ms, seed):
 * {@code mvn -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.traytalk.engine.PresenceConvergence -Dexec.args="50 5 500 7"}.
 */
public final class PresenceConvergence {
    private PresenceConvergence() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int lossPercent = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long spacingMs = args.length > 2 ? Long.parseLong(args[2]) : 500;
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 7);
        Path dir = Files.createTempDirectory("traytalk-presence");
        InMemoryNetwork lan = new InMemoryNetwork();
        lan.dropWhen(sent -> random.nextInt(100) < lossPercent);
        VirtualScheduler time = new VirtualScheduler();
        List<TestNode> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestNode node = new TestNode("N" + i, dir.resolve("n" + i), lan, time);
            node.secure = true;
            nodes.add(node);
        }
        try {
            for (TestNode node : nodes) {
                node.start();
                time.advance(Duration.ofMillis(spacingMs));
            }
            System.out.printf("%d nodes started %d ms apart, %d%% of datagrams lost, heartbeat %d s%n", count,
                    spacingMs, lossPercent, TestNode.HEARTBEAT.toSeconds());
            long at = 0;
            for (long seconds : new long[] {0, 1, 2, 3, 5, 10, 15, 30, 60, 90, 120, 180}) {
                time.advance(Duration.ofSeconds(seconds - at));
                at = seconds;
                System.out.printf("  %3d s after the last start: %2d of %d list all others, %.2f peers listed on "
                        + "average%n", seconds, nodes.stream().filter(n -> online(n) == count - 1).count(), count,
                        nodes.stream().mapToLong(PresenceConvergence::online).average().orElse(0));
            }
            // each datagram that arrives is a signature to check, each sent one a signature made
            long broadcasts = lan.log().stream().filter(s -> s.to().equals("*")).count();
            long direct = lan.log().size() - broadcasts;
            System.out.printf("  sent per node in all: %.1f to everyone, %.1f to one peer; arrived per node about"
                    + " %.0f%n", broadcasts / (double) count, direct / (double) count,
                    (broadcasts * (count - 1) + direct) / (double) count);
        } finally {
            nodes.forEach(TestNode::stop);
        }
    }

    private static long online(TestNode node) {
        return node.engine.peers().stream().filter(Peer::online).count();
    }
}
