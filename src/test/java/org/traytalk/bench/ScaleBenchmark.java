package org.traytalk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.traytalk.it.NetnsLan;

/**
 * An office starting together: {@code --nodes N} (50) {@code traytalk listen} processes, each in its own network
 * namespace on one bridge, all started at once with the launchers' JVM options and a 64 MiB heap. Each node's output
 * says when it listens and whom it sees online; the benchmark prints when the last one listened and how long after
 * that each node had all the others in its list (goal: all within 5 s), or who was still missing after
 * {@code --wait S} (120) seconds, and the CPU time the nodes spent; {@code --keep 1} keeps the nodes' homes and
 * logs; {@code --record N} has node N make a Java Flight Recording ({@code node.jfr} in its home, kept with
 * {@code --keep 1}). Needs root and {@code ip}; about 3.5 GB of memory for 50 nodes.
 *
 * <pre>mvn -q -B -DskipTests package &amp;&amp; mvn -q -B test-compile exec:java@scale -Dexec.args="--nodes 50"</pre>
 */
public final class ScaleBenchmark {

    /** One node: its process and what its output said, with the times (System.nanoTime) it said it. */
    private static final class Node {
        final String name;
        final Process process;
        final Set<String> online = new HashSet<>();
        volatile long listeningAt;
        volatile long allSeenAt;
        /** CPU time the process had used (all its threads, nanoseconds) when it said it listens, when it had all. */
        volatile long cpuListening;
        volatile long cpuAllSeen;

        Node(String name, Process process) {
            this.name = name;
            this.process = process;
        }

        void follow(int others) {
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        String[] f = line.split(" ");
                        long now = System.nanoTime();
                        if (f.length >= 3 && f[1].equals("listening")) {
                            listeningAt = now;
                            cpuListening = cpuNanos();
                        } else if (f.length >= 3 && f[1].equals("peer-online")) {
                            synchronized (online) {
                                online.add(f[2]);
                                if (online.size() >= others && allSeenAt == 0) {
                                    allSeenAt = now;
                                    cpuAllSeen = cpuNanos();
                                }
                            }
                        } else if (f.length >= 3 && f[1].equals("peer-offline")) {
                            synchronized (online) {
                                online.remove(f[2]);
                            }
                        }
                    }
                } catch (IOException ended) {
                    // the process ended
                }
            }, "scale-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        long cpuNanos() {
            try {
                return ProcessFigures.processCpuNanos(process.pid());
            } catch (IOException ended) {
                return 0;
            }
        }

        int seen() {
            synchronized (online) {
                return online.size();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int count = option(args, "nodes", 50);
        int waitSeconds = option(args, "wait", 120);
        int record = option(args, "record", 0);
        if (NetnsLan.unavailableReason() != null) {
            throw new IllegalStateException("The scale benchmark cannot run here: " + NetnsLan.unavailableReason());
        }
        Path jar = Path.of("target/traytalk.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -DskipTests package first");
        }
        Path base = Files.createTempDirectory("traytalk-scale");
        List<Node> nodes = new ArrayList<>();
        try (NetnsLan lan = NetnsLan.create("ts" + ProcessHandle.current().pid())) {
            lan.makeRoomForNeighbours(count * count);
            List<String> namespaces = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                namespaces.add(lan.addHost("n" + i, i + 1));
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long start = System.nanoTime();
            for (int i = 1; i <= count; i++) {
                String name = String.format("NODE%02d", i);
                Path home = Files.createDirectories(base.resolve(name));
                Files.writeString(home.resolve("traytalk.properties"), "name = " + name
                        + "\nnetwork.interfaces = eth0\n");
                List<String> cmd = new ArrayList<>(lan.exec(namespaces.get(i - 1)));
                cmd.addAll(List.of(java, "-XX:+UseSerialGC", "-Xms8m", "-Xmx64m", "-XX:TieredStopAtLevel=1",
                        "-XX:CICompilerCount=1", "-XX:-UsePerfData"));
                if (i == record) { // what it spends its CPU on; the recording costs some too
                    cmd.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                            + home.resolve("node.jfr"));
                }
                cmd.addAll(List.of("-jar", jar.toString(), "--home", home.toString(), "listen"));
                Node node = new Node(name, new ProcessBuilder(cmd)
                        .redirectError(home.resolve("stderr.txt").toFile()).start());
                node.follow(count - 1);
                nodes.add(node);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
            while (System.nanoTime() < deadline && !nodes.stream().allMatch(n -> n.allSeenAt != 0)) {
                Thread.sleep(200);
            }
            report(nodes, start, count);
            reportCpu(nodes);
            reportKernels(lan, namespaces);
            stop(nodes); // while their LAN is still there, so that their goodbyes go out
        } finally {
            stop(nodes);
            if (option(args, "keep", 0) == 1) {
                System.out.println("homes, logs and stderr kept in " + base);
            } else {
                NetnsLan.run("rm", "-rf", base.toString());
            }
        }
    }

    private static void stop(List<Node> nodes) throws InterruptedException {
        nodes.forEach(n -> n.process.destroy());
        for (Node n : nodes) {
            if (!n.process.waitFor(10, TimeUnit.SECONDS)) {
                n.process.destroyForcibly();
            }
        }
    }

    /**
     * What the nodes' kernels counted, summed: datagrams the senders' kernels dropped without telling them
     * (SndbufErrors: a send that found no room on the way out counts there and returns as if sent) are lost to
     * the test LAN itself, not to TrayTalk.
     */
    private static void reportKernels(NetnsLan lan, List<String> namespaces) throws IOException {
        Map<String, Long> sums = new TreeMap<>();
        for (String ns : namespaces) {
            NetCounters c = NetCounters.of(lan.exec(ns));
            for (String key : List.of("Udp OutDatagrams", "Udp SndbufErrors", "Udp InDatagrams", "Udp RcvbufErrors",
                    "eth0 tx_dropped", "eth0 rx_dropped")) {
                sums.merge(key, c.get(key), Long::sum);
            }
        }
        System.out.println("the nodes' kernels, summed: " + sums);
    }

    private static void report(List<Node> nodes, long start, int count) {
        long lastListening = nodes.stream().mapToLong(n -> n.listeningAt).max().orElse(0);
        long listening = nodes.stream().filter(n -> n.listeningAt != 0).count();
        System.out.printf("%d nodes started at once: %d listening, the last %.1f s after the start%n", count, listening,
                (lastListening - start) / 1e9);
        double[] after = nodes.stream().filter(n -> n.allSeenAt != 0)
                .mapToDouble(n -> (n.allSeenAt - lastListening) / 1e9).sorted().toArray();
        System.out.printf("%d of %d nodes listed all %d others%n", after.length, count, count - 1);
        if (after.length > 0) {
            System.out.printf("after the last one listened: first %.1f s, median %.1f s, last %.1f s (goal: all"
                    + " within 5 s)%n", after[0], after[after.length / 2], after[after.length - 1]);
        }
        nodes.stream().filter(n -> n.allSeenAt == 0).forEach(n -> System.out.printf("  %s saw %d of %d%n", n.name,
                n.seen(), count - 1));
    }

    /**
     * Where the nodes' CPU went: summed over all nodes, until each listened, from then until it had all others, in
     * all until now, and now by thread (live threads, by name without their numbers: JIT compiler, engine, ...).
     */
    private static void reportCpu(List<Node> nodes) {
        long[] totals = new long[nodes.size()];
        Map<String, Long> byThread = new TreeMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            totals[i] = n.cpuNanos();
            try {
                ProcessFigures.threadNanos(n.process.pid()).forEach((idName, nanos) -> byThread.merge(
                        idName.substring(idName.indexOf(' ') + 1).replaceAll("[0-9]+", "#"), nanos, Long::sum));
            } catch (IOException ended) {
                // a node that ended has no threads to count
            }
        }
        System.out.printf("CPU of all nodes together: %.1f s until each listened, %.1f s from then until it listed"
                        + " all others, %.1f s in all until now (median per node %.2f s)%n",
                nodes.stream().mapToLong(n -> n.cpuListening).sum() / 1e9,
                nodes.stream().filter(n -> n.cpuAllSeen != 0).mapToLong(n -> n.cpuAllSeen - n.cpuListening).sum() / 1e9,
                Arrays.stream(totals).sum() / 1e9, Arrays.stream(totals).sorted().toArray()[totals.length / 2] / 1e9);
        StringBuilder threads = new StringBuilder("  by thread, live ones, all nodes:");
        byThread.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> threads.append(String.format(" %s %.1f s;", e.getKey(), e.getValue() / 1e9)));
        System.out.println(threads);
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--" + name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        if (args.length % 2 != 0 || Arrays.stream(args).filter(a -> a.startsWith("--")).count() * 2 != args.length) {
            throw new IllegalArgumentException("options come as --name value: " + Arrays.toString(args));
        }
        return fallback;
    }
}
