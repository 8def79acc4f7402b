package org.traytalk.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.traytalk.it.NetnsLan;
import org.traytalk.it.StormSender;
import org.traytalk.it.XDesktop;

/**
 * TrayTalk under attack on a namespace LAN (nothing reaches the machine's own network): ALICE ({@code traytalk listen},
 * the launchers' JVM options) is flooded by MALLORY's host with datagrams of the largest message for a minute while
 * BOB, a quiet peer, writes to her; then MALLORY broadcasts a storm of DETECTs, each under a new name and a new
 * identity, which ALICE, BOB and CAROL (the tray app on Xvfb with trayer, when they are installed) all hear. Prints
 * what the flood put on the wire (the kernels' counters in MALLORY's and ALICE's namespaces), ALICE's peak RSS, her
 * data folder's growth and BOB's message's delivery during the flood (and without it, for comparison), then the answers
 * each node sent to the storm and how long CAROL's Swing thread was busy meanwhile, in wall-clock time ({@link
 * EventThreadProbe}) and CPU time. Needs root and {@code ip}.
 *
 * <pre>mvn -q -B -DskipTests package &amp;&amp; mvn -q -B test-compile exec:java@stress</pre>
 * Options: {@code --flood-seconds S} (60), {@code --flood-rate N} datagrams a second (10000), {@code --flood-frame B}
 * bytes of noise in each datagram's envelope (32836, the frame of a 32 KiB message; 65000 for the largest datagram the
 * UDP carrier takes), {@code --storm N} DETECTs (10000), {@code --storm-seconds S} (10), {@code --tray false} (no
 * CAROL), {@code --keep true} (the nodes' homes and logs are kept).
 */
public final class StressBenchmark {
    private static final String EVERYONE = "10.77.0.255";
    private static final int PATIENCE = 60;

    private final Map<String, String> options;
    private final NetnsLan lan;
    private final Path base;
    private final Path jar;
    private final List<String> jvm;
    private final String classpath;
    private final LanRun lanRun;

    private StressBenchmark(Map<String, String> options, LanRun run, Path jar, List<String> jvm) {
        this.options = options;
        this.lanRun = run;
        this.lan = run.lan;
        this.base = run.base;
        this.jar = jar;
        this.jvm = jvm;
        this.classpath = Path.of("target", "test-classes").toAbsolutePath() + ":" + jar; // the jar holds its libraries
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (NetnsLan.unavailableReason() != null) {
            throw new IllegalStateException("The stress benchmark cannot run here: " + NetnsLan.unavailableReason());
        }
        Path project = Path.of("").toAbsolutePath();
        Path jar = project.resolve("target/traytalk.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -DskipTests package first");
        }
        try (LanRun run = LanRun.create("ts", Boolean.parseBoolean(options.getOrDefault("keep", "false")))) {
            new StressBenchmark(options, run, jar, Launchers.pomJvmOptions(project)).run();
        }
    }

    private int number(String option, int otherwise) {
        return Integer.parseInt(options.getOrDefault(option, String.valueOf(otherwise)));
    }

    private void run() throws Exception {
        List<String> aliceNs = lan.exec(lan.addHost("alice", 1));
        List<String> bobNs = lan.exec(lan.addHost("bob", 2));
        List<String> malloryNs = lan.exec(lan.addHost("mallory", 9));
        System.out.printf("stress: load %s; ALICE, BOB and CAROL run with %s%n",
                Files.readString(Path.of("/proc/loadavg")).trim(), String.join(" ", jvm));
        Process alice = traytalk(aliceNs, "ALICE", Map.of(), "listen");
        TimedLines aliceSays = TimedLines.follow("ALICE", alice.getInputStream());
        Process bob = traytalk(bobNs, "BOB", Map.of(), "listen");
        TimedLines bobSays = TimedLines.follow("BOB", bob.getInputStream());
        aliceSays.await("BOB online", 0, l -> l.contains(" peer-online BOB "), PATIENCE);
        bobSays.await("ALICE online", 0, l -> l.contains(" peer-online ALICE "), PATIENCE);

        Delivery quiet = deliver(bobNs, aliceSays, bobSays, "before the flood");
        print("without a flood", quiet);
        flood(aliceNs, malloryNs, alice.pid(), aliceSays, bobNs, bobSays);
        storm(malloryNs, Map.of("ALICE", aliceSays, "BOB", bobSays), alice.pid());
        Files.write(base.resolve("alice").resolve("listen.txt"), aliceSays.texts());
        Files.write(base.resolve("bob").resolve("listen.txt"), bobSays.texts());
    }

    /** ALICE flooded; BOB writes to her halfway through. */
    private void flood(List<String> aliceNs, List<String> malloryNs, long alicePid, TimedLines aliceSays,
                       List<String> bobNs, TimedLines bobSays) throws Exception {
        int seconds = number("flood-seconds", 60);
        int rate = number("flood-rate", 10_000);
        int frame = number("flood-frame", StormSender.LARGEST_MESSAGE_FRAME);
        long folderBefore = size(base.resolve("alice"));
        long rssBefore = ProcessFigures.of(alicePid).rssKib();
        System.out.printf("flood: %d datagrams a second around frames of %,d bytes for %d s at ALICE (RSS %.1f MiB,"
                + " data folder %.2f MB before)%n", rate, frame, seconds, rssBefore / 1024.0, folderBefore / 1e6);
        NetCounters malloryBefore = NetCounters.of(malloryNs);
        NetCounters aliceBefore = NetCounters.of(aliceNs);
        long aliceCpu = ProcessFigures.cpuNanos(alicePid);
        Process flooder = java(malloryNs, StormSender.class.getName(), "flood", "10.77.0.1", String.valueOf(seconds),
                String.valueOf(rate), String.valueOf(frame));
        TimedLines flooderSays = TimedLines.follow("MALLORY", flooder.getInputStream());
        long start = System.nanoTime();
        long peakRss = 0;
        Delivery during = null;
        while (flooder.isAlive()) {
            peakRss = Math.max(peakRss, ProcessFigures.of(alicePid).rssKib());
            if (during == null && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(seconds / 2)) {
                during = deliver(bobNs, aliceSays, bobSays, "during the flood"); // the flood goes on meanwhile
            } else {
                Thread.sleep(500);
            }
        }
        String sent = flooderSays.await("its total", 0, l -> l.startsWith("FLOOD "), PATIENCE).text();
        wire(sent, NetCounters.of(malloryNs).since(malloryBefore), NetCounters.of(aliceNs).since(aliceBefore));
        System.out.printf("  CPU time: MALLORY's program %s s user, %s s system (sending on a veth link runs the"
                + " bridge and ALICE's reassembly in the sender's thread too); ALICE %.1f s%n", sent.split(" ")[5],
                sent.split(" ")[6], (ProcessFigures.cpuNanos(alicePid) - aliceCpu) / 1e9);
        Thread.sleep(5_000); // what was queued is handled, the WAL is truncated after two quiet seconds
        long hwm = ProcessFigures.field(Files.readString(Path.of("/proc", Long.toString(alicePid), "status")),
                "VmHWM:");
        System.out.printf("ALICE peak RSS %.1f MiB (VmHWM; sampled peak %.1f MiB), data folder %.2f MB -> %.2f MB"
                + " (%+.2f MB), alive: %s%n", hwm / 1024.0, peakRss / 1024.0, folderBefore / 1e6,
                size(base.resolve("alice")) / 1e6, (size(base.resolve("alice")) - folderBefore) / 1e6,
                ProcessHandle.of(alicePid).map(ProcessHandle::isAlive).orElse(false));
        if (during != null) {
            print("during the flood", during);
        }
        print("after the flood", deliver(bobNs, aliceSays, bobSays, "after the flood"));
        aliceSays.texts().stream().filter(l -> l.contains(" problem ")).forEach(l -> System.out.println("ALICE: " + l));
    }

    /** What MALLORY's program tried and what the kernels counted: on the wire, not only in the program. */
    private static void wire(String flood, NetCounters mallory, NetCounters alice) {
        String[] f = flood.split(" "); // FLOOD tried taken seconds bytes user system
        double seconds = Double.parseDouble(f[3]);
        System.out.printf("flood: MALLORY's program tried %s datagrams of %s bytes in %s s (%.0f a second), its"
                + " kernel took %s (%.0f a second)%n", f[1], f[4], f[3], Long.parseLong(f[1]) / seconds, f[2],
                Long.parseLong(f[2]) / seconds);
        System.out.printf("  MALLORY's kernel: %d UDP datagrams out (%.0f a second, %d refused for want of send"
                + " buffer), cut into %d IP fragments; eth0 sent %d frames, %.0f MB (%.0f MB/s), dropped %d%n",
                mallory.get("Udp OutDatagrams"), mallory.get("Udp OutDatagrams") / seconds,
                mallory.get("Udp SndbufErrors"), mallory.get("Ip FragCreates"), mallory.get("eth0 tx_packets"),
                mallory.get("eth0 tx_bytes") / 1e6, mallory.get("eth0 tx_bytes") / 1e6 / seconds,
                mallory.get("eth0 tx_dropped"));
        System.out.printf("  ALICE's kernel: eth0 received %d frames, %.0f MB (%.0f MB/s), dropped %d; %d datagrams"
                + " reassembled (%.0f a second), %d reassemblies failed; UDP: %d datagrams in, %d dropped because"
                + " her socket's buffer was full%n", alice.get("eth0 rx_packets"), alice.get("eth0 rx_bytes") / 1e6,
                alice.get("eth0 rx_bytes") / 1e6 / seconds, alice.get("eth0 rx_dropped"), alice.get("Ip ReasmOKs"),
                alice.get("Ip ReasmOKs") / seconds, alice.get("Ip ReasmFails"), alice.get("Udp InDatagrams"),
                alice.get("Udp RcvbufErrors"));
    }

    /** The storm, heard by everyone; then what each node answered and what CAROL's Swing thread spent. */
    private void storm(List<String> malloryNs, Map<String, TimedLines> listening, long alicePid) throws Exception {
        int count = number("storm", 10_000);
        int seconds = number("storm-seconds", 10);
        XDesktop desktop = null;
        Process carol = null;
        long carolPid = 0;
        Path carolsEventThread = base.resolve("carol-event-thread.txt");
        try {
            if (Boolean.parseBoolean(options.getOrDefault("tray", "true")) && XDesktop.unavailableReason() == null) {
                desktop = XDesktop.start(true);
                carol = traytalk(lan.exec(lan.addHost("carol", 3)), "CAROL", desktop.env(), List.of("-cp",
                        jar + ":" + Path.of("target", "test-classes").toAbsolutePath(),
                        EventThreadProbe.class.getName(), carolsEventThread.toString()));
                carolPid = carol.pid();
                awaitSwingThread(carolPid);
                Thread.sleep(10_000); // CAROL has met the others and drawn her menu: only the storm is measured
            } else {
                System.out.println("no tray node: " + XDesktop.unavailableReason());
            }
            Process stormer = java(malloryNs, StormSender.class.getName(), "detect", EVERYONE,
                    String.valueOf(count), String.valueOf(seconds), "10");
            TimedLines says = TimedLines.follow("MALLORY", stormer.getInputStream());
            says.await("the storm's identities", 0, "READY"::equals, 10 * PATIENCE); // slow on a busy machine
            long swingBefore = carolPid == 0 ? 0 : swingCpuNanos(carolPid);
            long stormStart = System.currentTimeMillis();
            String took = says.await("the storm's end", 0, l -> l.startsWith("STORM "), seconds + PATIENCE).text();
            long swingStorm = carolPid == 0 ? 0 : swingCpuNanos(carolPid) - swingBefore;
            long stormEnd = System.currentTimeMillis();
            stormer.waitFor(PATIENCE, TimeUnit.SECONDS);
            long after = System.currentTimeMillis();
            long swingAll = carolPid == 0 ? 0 : swingCpuNanos(carolPid) - swingBefore;
            System.out.printf("DETECT storm: %s DETECTs in %s s, each under its own name and identity (which answers"
                    + " the nodes' questions), broadcast from 10.77.0.9; answers that came back until 10 s after it,"
                    + " per node and kind (cap: 200 at once, then 10 a second: %d in those %d s):%n",
                    took.split(" ")[1], took.split(" ")[2], 200 + 10 * (seconds + 10), seconds + 10);
            says.texts().stream().filter(l -> l.startsWith("ANSWERS ")).forEach(l -> System.out.println("  " + l));
            System.out.println("  (10.77.0.1 ALICE, 10.77.0.2 BOB" + (carol == null ? "" : ", 10.77.0.3 CAROL") + ")");
            listening.forEach((name, lines) -> System.out.printf("  storm names %s took for online: %d%n", name,
                    lines.texts().stream().filter(l -> l.contains(" peer-online STORM")).count()));
            if (carol != null) {
                List<EventThreadTimes.Tick> ticks = EventThreadTimes.ticks(carolsEventThread, after);
                System.out.printf("CAROL's Swing thread, wall-clock time dispatching events (longest single"
                        + " dispatch; longest wait of a probe posted every %d ms):%n", EventThreadProbe.TICK_MS);
                System.out.println("  10 s before the storm (quiet): "
                        + EventThreadTimes.between(ticks, stormStart - 10_000, stormStart));
                System.out.println("  during the storm: " + EventThreadTimes.between(ticks, stormStart, stormEnd));
                System.out.println("  from its start until 10 s after it: "
                        + EventThreadTimes.between(ticks, stormStart, after));
                System.out.printf("CAROL's Swing thread (AWT-EventQueue) CPU time: %.0f ms during the storm, %.0f ms"
                        + " until 10 s after it%n", swingStorm / 1e6, swingAll / 1e6);
            }
            System.out.printf("ALICE RSS after the storm %.1f MiB%n", ProcessFigures.of(alicePid).rssMib());
        } finally {
            if (carol != null) {
                carol.destroy();
                AppRun.awaitEnd(carol);
            }
            if (desktop != null) {
                desktop.close();
            }
        }
    }

    /** Milliseconds after the send command started; the first update is BOB's node taking the message. */
    record Delivery(double shownMs, double confirmedMs, double sinceFirstUpdateMs, String said) {
        double firstUpdateMs() {
            return confirmedMs - sinceFirstUpdateMs;
        }
    }

    /** BOB's running node sends ALICE a message through {@code traytalk send}; when she shows it, he is confirmed. */
    private Delivery deliver(List<String> bobNs, TimedLines aliceSays, TimedLines bobSays, String when)
            throws Exception {
        String text = "quiet message " + when + " " + System.nanoTime();
        long start = System.nanoTime();
        Process send = traytalk(bobNs, "BOB", Map.of(), "send", "--wait", "30", "ALICE", text);
        TimedLines sendSays = TimedLines.follow("send", send.getInputStream());
        long shown = aliceSays.await("the quiet message", start, l -> l.contains(text), PATIENCE).nanos();
        long confirmed = bobSays.await("its receipt", start, l -> l.contains(" message-updated ")
                && l.contains(" ALICE ") && l.contains("delivered"), PATIENCE).nanos();
        long sent = bobSays.await("its first update", start, l -> l.contains(" message-updated ")
                && l.contains(" ALICE "), PATIENCE).nanos();
        send.waitFor(PATIENCE, TimeUnit.SECONDS);
        return new Delivery((shown - start) / 1e6, (confirmed - start) / 1e6, (confirmed - sent) / 1e6,
                String.join(" ", sendSays.texts()));
    }

    private static void print(String when, Delivery d) {
        System.out.printf("quiet peer %s: ALICE shows it %.0f ms, BOB has the receipt %.0f ms after the send command"
                + " started (%.0f ms after BOB's node first reported the message); the command said: %s%n", when,
                d.shownMs(), d.confirmedMs(), d.confirmedMs() - d.firstUpdateMs(), d.said());
    }

    /** TrayTalk with the launchers' JVM options, its home in the benchmark's folder; started, output piped. */
    private Process traytalk(List<String> netns, String name, Map<String, String> env, String... args)
            throws IOException {
        return traytalk(netns, name, env, List.of("-jar", jar.toString()), args);
    }

    /** The same, started by {@code main} (the jar, or a class that runs TrayTalk's main). */
    private Process traytalk(List<String> netns, String name, Map<String, String> env, List<String> main,
                             String... args) throws IOException {
        Path home = base.resolve(name.toLowerCase());
        if (!Files.exists(home)) {
            Files.createDirectories(home);
            Files.writeString(home.resolve("traytalk.properties"), "name = " + name + "\nnetwork.interfaces = eth0\n"
                    + "presence.heartbeat.seconds = 5\n");
        }
        List<String> cmd = new ArrayList<>(netns);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(main);
        cmd.addAll(List.of("--home", home.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(home.resolve("stderr.txt").toFile());
        pb.environment().putAll(env);
        pb.environment().put("HOME", home.toString());
        return lanRun.start(pb);
    }

    /** A class of the test classpath run in a namespace. */
    private Process java(List<String> netns, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(netns);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.net.preferIPv4Stack=true", "-cp", classpath, mainClass));
        cmd.addAll(List.of(args));
        return lanRun.start(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT));
    }

    private static void awaitSwingThread(long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE);
        while (swingCpuNanos(pid) < 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("CAROL has no Swing thread after " + PATIENCE + " s");
            }
            Thread.sleep(200);
        }
    }

    /** CPU time of the process's Swing thread so far (the kernel cuts its name to 15 characters), or -1. */
    static long swingCpuNanos(long pid) throws IOException {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).strip().startsWith("AWT-EventQueue")) {
                        return Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    }
                } catch (NoSuchFileException ended) {
                    // a thread that ended between listing and reading
                }
            }
        }
        return -1;
    }

    /** Bytes in the files under {@code folder}. */
    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0; // a file removed while counting (the WAL truncated)
                }
            }).sum();
        }
    }
}
