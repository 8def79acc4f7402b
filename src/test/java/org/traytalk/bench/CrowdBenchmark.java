package org.traytalk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.traytalk.engine.PresenceRepeats;
import org.traytalk.it.NetnsLan;

/**
 * One node facing a crowd, on a namespace LAN (nothing reaches the machine's own network): NODE ({@code traytalk
 * listen}, the launchers' JVM options, 10.77.0.1/16) and, in another namespace, {@link CrowdSimulator} owning
 * {@code --peers} (1,000) addresses, each a TrayTalk peer with its own identity, starting within {@code --spread}
 * (10) seconds and then announcing at the heartbeat (60 s). Prints how many of them NODE lists online and when; then,
 * once settled ({@code --settle} seconds after the crowd's start, 240), over {@code --measure} seconds (300) NODE's
 * CPU time (from /proc/PID/stat: ms per 10 s and % of one core), the datagrams per peer and heartbeat each way, and
 * NODE's RSS. Needs root and {@code ip}.
 *
 * <pre>mvn -q -B -DskipTests package &amp;&amp; mvn -q -B test-compile exec:java@crowd</pre>
 * Options: {@code --peers N}, {@code --spread S}, {@code --settle S}, {@code --measure S}, {@code --keep true}
 * (NODE's home and output are kept).
 */
public final class CrowdBenchmark {
    private static final String NODE_IP = "10.77.0.1";
    private static final int HEARTBEAT = 60;
    private static final long TICK_NANOS = 10_000_000L; // /proc/PID/stat counts in clock ticks of 10 ms

    private final Map<String, String> options;
    private final LanRun lanRun;
    private final NetnsLan lan;

    private CrowdBenchmark(Map<String, String> options, LanRun lanRun) {
        this.options = options;
        this.lanRun = lanRun;
        this.lan = lanRun.lan;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (NetnsLan.unavailableReason() != null) {
            throw new IllegalStateException("The crowd benchmark cannot run here: " + NetnsLan.unavailableReason());
        }
        Path jar = Path.of("target/traytalk.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -DskipTests package first");
        }
        try (LanRun run = LanRun.create("tc", Boolean.parseBoolean(options.getOrDefault("keep", "false")))) {
            new CrowdBenchmark(options, run).run(jar);
        }
    }

    private int number(String option, int otherwise) {
        return Integer.parseInt(options.getOrDefault(option, String.valueOf(otherwise)));
    }

    private void run(Path jar) throws Exception {
        int peers = number("peers", 1000);
        int spread = number("spread", 10);
        int settle = number("settle", 240);
        int measure = number("measure", 300);
        String repeats = PresenceRepeats.schedule();
        lan.makeRoomForNeighbours(2 * peers + 2); // the node's entry for each peer, and the crowd's for the node
        List<String> nodeNs = lan.exec(lan.addHost("node", NODE_IP + "/16", "10.77.255.255"));
        String crowdHost = lan.addHost("crowd", "10.77.0.2/16", "10.77.255.255");
        List<String> cidrs = new ArrayList<>();
        for (int i = 0; i < peers; i++) {
            cidrs.add(CrowdSimulator.address(i) + "/16");
        }
        lan.addAddresses(crowdHost, cidrs);
        List<String> jvm = Launchers.pomJvmOptions(Path.of("").toAbsolutePath());
        System.out.printf("crowd: load %s; %d peers starting within %d s, repeating at %s ms after their start"
                + " (+: asking too), heartbeat %d s; NODE runs with %s%n",
                Files.readString(Path.of("/proc/loadavg")).trim(), peers,
                spread, repeats, HEARTBEAT, String.join(" ", jvm));

        Path home = Files.createDirectories(lanRun.base.resolve("node"));
        Files.writeString(home.resolve("traytalk.properties"), "name = NODE\nnetwork.interfaces = eth0\n"
                + "presence.heartbeat.seconds = " + HEARTBEAT + "\n");
        List<String> cmd = new ArrayList<>(nodeNs);
        cmd.add(java());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar.toString(), "--home", home.toString(), "listen"));
        ProcessBuilder nodeBuilder = new ProcessBuilder(cmd).redirectError(home.resolve("stderr.txt").toFile());
        nodeBuilder.environment().put("HOME", home.toString());
        Process node = lanRun.start(nodeBuilder);
        TimedLines nodeSays = TimedLines.follow("NODE", node.getInputStream());
        nodeSays.await("listening", 0, l -> l.contains(" listening "), 60);

        List<String> crowdCmd = new ArrayList<>(lan.exec(crowdHost));
        crowdCmd.addAll(List.of(java(), "-Djava.net.preferIPv4Stack=true", "-cp",
                Path.of("target", "test-classes").toAbsolutePath() + ":" + jar, CrowdSimulator.class.getName(),
                String.valueOf(peers), NODE_IP, String.valueOf(spread), String.valueOf(HEARTBEAT),
                String.valueOf(settle + measure + 5), repeats));
        Process crowd = lanRun.start(new ProcessBuilder(crowdCmd).redirectError(ProcessBuilder.Redirect.INHERIT));
        TimedLines crowdSays = TimedLines.follow("CROWD", crowd.getInputStream());
        crowdSays.await("its peers ready", 0, l -> l.startsWith("READY "), 120);
        long start = System.nanoTime();
        long startCpu = cpuTicks(node.pid());

        // every 10 s: NODE's CPU time; the crowd's counts come on their own
        List<long[]> cpu = new ArrayList<>(); // {nanos since the crowd's start, ticks}
        long end = start + TimeUnit.SECONDS.toNanos(settle + measure);
        Map<String, Long> threadsSettled = Map.of();
        for (long next = start + TimeUnit.SECONDS.toNanos(10); next <= end; next += TimeUnit.SECONDS.toNanos(10)) {
            TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
            cpu.add(new long[] {next - start, cpuTicks(node.pid()) - startCpu});
            if (threadsSettled.isEmpty() && next - start >= TimeUnit.SECONDS.toNanos(settle)) {
                threadsSettled = ProcessFigures.threadNanos(node.pid());
            }
        }
        Map<String, Long> threadsEnd = ProcessFigures.threadNanos(node.pid());
        ProcessFigures figures = ProcessFigures.of(node.pid());
        long hwm = ProcessFigures.field(Files.readString(Path.of("/proc", Long.toString(node.pid()), "status")),
                "VmHWM:");
        long last = TimeUnit.SECONDS.toMillis(settle + measure) - 1000; // its clock started a little before ours
        crowdSays.await("its last counts", 0, l -> l.startsWith("COUNTS ") && Long.parseLong(l.split(" ")[1]) >= last,
                30);

        listed(nodeSays, crowdSays, start, peers);
        minutes(nodeSays, crowdSays, cpu, start, peers);
        settled(crowdSays, cpu, settle, measure, peers);
        System.out.printf("NODE: RSS %.1f MiB (peak %.1f MiB), %d threads%n", figures.rssMib(), hwm / 1024.0,
                figures.threads());
        System.out.println("  NODE's threads that ran while settled, ms per 10 s:");
        Map<String, Long> before = threadsSettled;
        threadsEnd.forEach((thread, nanos) -> {
            double ms = (nanos - before.getOrDefault(thread, 0L)) / 1e6 / (measure / 10.0);
            if (ms >= 0.5) {
                System.out.printf("    %-28s %6.1f%n", thread, ms);
            }
        });
        nodeSays.texts().stream().filter(l -> l.contains(" problem ") || l.contains(" peer-offline "))
                .limit(20).forEach(l -> System.out.println("NODE: " + l));
        Files.write(home.resolve("listen.txt"), nodeSays.texts());
        Files.write(home.resolve("crowd.txt"), crowdSays.texts());
    }

    /** How many of the crowd NODE listed online, and when. */
    private static void listed(TimedLines nodeSays, TimedLines crowdSays, long start, int peers) {
        List<Double> times = onlineTimes(nodeSays, start);
        double startedAt = crowdSays.lines().stream().filter(l -> l.text().startsWith("STARTED "))
                .mapToDouble(l -> Long.parseLong(l.text().split(" ")[1]) / 1e3).findFirst().orElse(Double.NaN);
        System.out.printf("NODE listed %d of %d peers online (the last peer made its first announcement %.1f s after"
                + " the crowd's start)%n", times.size(), peers, startedAt);
        for (double share : new double[] {0.1, 0.5, 0.9, 0.99, 1.0}) {
            int n = (int) Math.ceil(share * peers);
            System.out.printf("  %4d listed after %s%n", n, n <= times.size()
                    ? String.format("%.1f s", times.get(n - 1)) : "(not within the run)");
        }
    }

    /** Per minute since the crowd's start: listed, NODE's CPU, datagrams per peer each way. */
    private static void minutes(TimedLines nodeSays, TimedLines crowdSays, List<long[]> cpu, long start, int peers) {
        List<Double> times = onlineTimes(nodeSays, start);
        List<Counts> counts = Counts.of(crowdSays);
        System.out.println("  minute | listed at its end | NODE CPU ms per 10 s | crowd -> NODE per peer "
                + "| NODE -> crowd per peer (direct + to everyone)");
        for (int m = 1; m * 60 <= cpu.get(cpu.size() - 1)[0] / 1e9 + 0.5; m++) {
            int minute = m;
            long listed = times.stream().filter(t -> t <= minute * 60).count();
            double ms = (ticksAt(cpu, m * 60) - ticksAt(cpu, (m - 1) * 60)) * TICK_NANOS / 1e6 / 6;
            Counts from = Counts.at(counts, (m - 1) * 60);
            Counts to = Counts.at(counts, m * 60);
            System.out.printf("  %6d | %16d | %20.1f | %22.2f | %.2f + %.3f%n", m, listed, ms,
                    (to.sum("out.") - from.sum("out.")) / (double) peers,
                    (to.sum("in.direct.") - from.sum("in.direct.")) / (double) peers,
                    (to.sum("in.bcast.") - from.sum("in.bcast.")) / (double) peers);
        }
    }

    /** The settled window: CPU, datagrams per peer and heartbeat by kind. */
    private static void settled(TimedLines crowdSays, List<long[]> cpu, int settle, int measure, int peers) {
        long ticks = ticksAt(cpu, settle + measure) - ticksAt(cpu, settle);
        double msPer10s = ticks * TICK_NANOS / 1e6 / (measure / 10.0);
        double worst = 0;
        for (int i = 1; i < cpu.size(); i++) {
            if (cpu.get(i - 1)[0] >= TimeUnit.SECONDS.toNanos(settle)) {
                worst = Math.max(worst, (cpu.get(i)[1] - cpu.get(i - 1)[1]) * TICK_NANOS / 1e6);
            }
        }
        System.out.printf("settled, from %d s to %d s after the crowd's start: NODE's CPU %.1f ms per 10 s (%.2f %% of"
                + " one core; the busiest 10 s: %.0f ms)%n", settle, settle + measure, msPer10s, msPer10s / 100,
                worst);
        List<Counts> counts = Counts.of(crowdSays);
        Counts from = Counts.at(counts, settle);
        Counts to = Counts.at(counts, settle + measure);
        double heartbeats = (to.seconds() - from.seconds()) / HEARTBEAT;
        System.out.printf("  datagrams per peer per heartbeat (%d s), over %.1f heartbeats:%n", HEARTBEAT, heartbeats);
        Set<String> keys = new LinkedHashSet<>(to.values().keySet());
        for (String key : keys) {
            long n = to.values().get(key) - from.values().getOrDefault(key, 0L);
            if (n > 0) {
                System.out.printf("    %-22s %8.3f  (%d in all)%n", key, n / heartbeats / peers, n);
            }
        }
        System.out.println("    (out: the crowd to NODE; in: NODE to the crowd, direct or to everyone)");
    }

    /** The crowd's totals at one moment (seconds since its start). */
    private record Counts(double seconds, Map<String, Long> values) {
        static List<Counts> of(TimedLines crowdSays) {
            List<Counts> all = new ArrayList<>();
            all.add(new Counts(0, Map.of()));
            for (String line : crowdSays.texts()) {
                if (line.startsWith("COUNTS ")) {
                    String[] f = line.split(" ");
                    Map<String, Long> values = new TreeMap<>();
                    for (int i = 2; i < f.length; i++) {
                        String[] kv = f[i].split("=");
                        values.put(kv[0], Long.parseLong(kv[1]));
                    }
                    all.add(new Counts(Long.parseLong(f[1]) / 1e3, values));
                }
            }
            return all;
        }

        /** The last totals printed no later than {@code seconds} (+1 s: they come every 10 s, a little late). */
        static Counts at(List<Counts> all, double seconds) {
            Counts best = all.get(0);
            for (Counts c : all) {
                if (c.seconds() <= seconds + 1) {
                    best = c;
                }
            }
            return best;
        }

        long sum(String prefix) {
            return values.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** Seconds after the crowd's start at which NODE first listed each peer, in order. */
    private static List<Double> onlineTimes(TimedLines nodeSays, long start) {
        Set<String> seen = new LinkedHashSet<>();
        List<Double> times = new ArrayList<>();
        for (TimedLines.Line l : nodeSays.lines()) {
            String[] f = l.text().split(" ");
            if (f.length >= 3 && f[1].equals("peer-online") && f[2].startsWith("CROWD") && seen.add(f[2])) {
                times.add((l.nanos() - start) / 1e9);
            }
        }
        return times;
    }

    /** NODE's CPU ticks at {@code seconds} after the crowd's start (the sample taken then). */
    private static long ticksAt(List<long[]> cpu, int seconds) {
        long ticks = 0;
        for (long[] sample : cpu) {
            if (sample[0] <= TimeUnit.SECONDS.toNanos(seconds)) {
                ticks = sample[1];
            }
        }
        return ticks;
    }

    /** User and system CPU time of the process, its ended threads included, in clock ticks (/proc/PID/stat). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime and stime, fields 14 and 15
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
