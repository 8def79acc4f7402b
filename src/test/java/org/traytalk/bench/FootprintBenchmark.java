package org.traytalk.bench;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.traytalk.it.NetnsLan;
import org.traytalk.it.XDesktop;
import org.traytalk.model.HistoryQuery;
import org.traytalk.store.MessageStore;
import org.traytalk.store.SqliteMessageStore;
import org.traytalk.tray.window.ConversationsWindow;

/**
 * What TrayTalk costs on a desktop, started as users start it: each launcher ({@link Launchers}) several times, each
 * run on a fresh Xvfb with the {@code trayer} tray, as the user {@code nobody}, in a network namespace with one
 * peer. Per run: exec to the icon painted in the tray, then at {@code idle} seconds after exec RSS, PSS, threads,
 * and the CPU used over the next seconds; then a message from the peer and the time until its pop-up is painted,
 * first and again; optionally a store filled beforehand ({@code --history N}) or a flood of messages, then the
 * conversations window opened (the time from the key that opens it to its conversation shown) and closed, the
 * idle RSS 30 s after it, and the window opened once more (timed again) and closed.
 * Prints every run and the medians; screenshots, logs and each run's threads with their idle CPU go to
 * target/footprint/. Needs root, {@code ip}, Xvfb, trayer, xdotool, ImageMagick and x11-utils.
 *
 * <pre>mvn -q -B -DskipTests package &amp;&amp; mvn -q -B test-compile exec:java@footprint \
 *     -Dexec.args="--runs 5 --launchers jar,autostart,deb,awt"</pre>
 * Options: {@code --runs N} (5), {@code --launchers a,b} (all whose files exist), {@code --idle S} (30),
 * {@code --cpu S} (20), {@code --history N} (0: off; N received messages in the store before the start),
 * {@code --flood N} (0: off), {@code --jvm "OPTIONS"} (for the launcher {@code jar+jvm}), {@code --settings
 * "key = value;..."} (more lines for the settings file, e.g. {@code away.minutes = 1} to measure the idle of a user
 * who is away), {@code --memory-map on} (off: a diagnosis, not a figure; the app runs with native memory tracking,
 * and before and after the window its memory by mapping ({@link MemoryMap}) goes to target/footprint/ and what grew
 * to stdout; with it, {@code --tool-options -XX:A,-XX:B} adds JVM options to try and
 * {@code --then-jcmd GC.run,System.trim_native_heap} runs jcmd commands after the window and measures again).
 */
public final class FootprintBenchmark {
    static final Rectangle TRAY = new Rectangle(1280 - 160, 0, 160, 32); // where XDesktop puts trayer's panel
    static final Rectangle POPUP = new Rectangle(1280 - 360 - 12, 800 - 12 - 100, 360, 100); // a pop-up's lower part
    static final int MIN_BLUE = 60; // the 24-px bubble has about 300 blue pixels
    /** The conversations window's line once the opened conversation's messages are set (ConversationsPanel). */
    static final Pattern SHOWN = Pattern.compile("Conversation .* shown: \\d+ messages");
    /** The same for the conversation after BOB's, the newest (his pop-ups). */
    static final Pattern SHOWN_NEXT = Pattern.compile("Conversation (?!BOB ).* shown: \\d+ messages");

    record Sample(String launcher, double iconMs, ProcessFigures idle, double cpuMsPer10s, double popupMs,
                  double popupAgainMs, double floodSeconds, WindowTimes window, ProcessFigures afterWindow,
                  double reopenMs, String load) {
    }

    /**
     * @param openMs   from the key that opens the conversations window to its newest conversation shown
     * @param switchMs from Down in the search box to the next conversation shown (with a filled store, one of its
     *                 conversations: up to the 500 messages the window reads)
     */
    record WindowTimes(double openMs, double switchMs) {
        static final WindowTimes NONE = new WindowTimes(Double.NaN, Double.NaN);
    }

    private final Map<String, String> options;
    private final Path base;
    private final NetnsLan lan;
    private final String appNs;
    private final String peerNs;
    private final String probeClasspath;
    private final Path shots = Path.of("target", "footprint");
    private final Map<String, Integer> aborted = new LinkedHashMap<>();
    private final Map<String, List<String>> mounts = new LinkedHashMap<>();
    private MemorySnapshot memoryBefore;

    /** Resident memory by group and NMT's committed memory by category, both in KiB. */
    record MemorySnapshot(Map<String, MemoryMap.Usage> groups, Map<String, Long> nmt) {
    }

    private FootprintBenchmark(Map<String, String> options, Path base, NetnsLan lan, String probeClasspath)
            throws IOException {
        this.options = options;
        this.base = base;
        this.lan = lan;
        this.appNs = lan.addHost("app", 1);
        this.peerNs = lan.addHost("peer", 2);
        this.probeClasspath = probeClasspath;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String missing = NetnsLan.unavailableReason() != null ? NetnsLan.unavailableReason() : XDesktop.unavailableReason();
        if (missing != null) {
            throw new IllegalStateException("The footprint benchmark cannot run here: " + missing);
        }
        Path project = Path.of("").toAbsolutePath();
        Path jar = project.resolve("target/traytalk.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -B -DskipTests package first");
        }
        Path base = Files.createTempDirectory("traytalk-footprint");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x")); // nobody reads the jar
        Path baseJar = base.resolve("traytalk.jar");
        Files.copy(jar, baseJar);
        Path testClasses = project.resolve("target/test-classes");
        NetnsLan lan = NetnsLan.create("tf" + ProcessHandle.current().pid());
        Thread cleanUp = new Thread(() -> cleanUp(lan, base), "footprint-clean-up"); // also when interrupted (^C)
        Runtime.getRuntime().addShutdownHook(cleanUp);
        FootprintBenchmark bench = new FootprintBenchmark(options, base, lan, testClasses + ":" + baseJar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            List<String> jvm = List.of(options.getOrDefault("jvm", "").split(" ")).stream()
                    .filter(o -> !o.isBlank()).toList();
            bench.run(new Launchers(base, baseJar, project.resolve("target/release"), testClasses, java, jvm,
                    (home, command) -> bench.runAsUser(home, command)));
        } finally {
            cleanUp(lan, base);
        }
    }

    /** Ends every program this benchmark started (Xvfb, trayer, apps, probes), then removes namespaces and files. */
    private static synchronized void cleanUp(NetnsLan lan, Path base) {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        lan.close();
        try {
            NetnsLan.run("rm", "-rf", base.toString());
        } catch (IOException e) {
            System.err.println("Could not remove " + base + ": " + e.getMessage());
        }
    }

    private void run(Launchers launchers) throws Exception {
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        List<String> names = List.of(options.getOrDefault("launchers", String.join(",", Launchers.ALL)).split(","));
        Map<String, Function<Path, List<String>>> commands = new LinkedHashMap<>();
        for (String name : names) {
            try {
                commands.put(name, launchers.command(name));
                mounts.put(name, launchers.mounts(name));
            } catch (IOException e) {
                System.out.println("skipped: " + e.getMessage());
            }
        }
        System.out.printf("footprint of TrayTalk: %d runs of %s, idle figures %s s after exec, CPU over %s s%n",
                runs, commands.keySet(), options.getOrDefault("idle", "30"), options.getOrDefault("cpu", "20"));
        Files.createDirectories(shots);
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (var launcher : commands.entrySet()) { // interleaved, so that drift on the machine hits all alike
                Sample s = once(launcher.getKey(), launcher.getValue(), run);
                samples.computeIfAbsent(launcher.getKey(), k -> new ArrayList<>()).add(s);
                System.out.println("  " + format(s));
            }
        }
        printMedians(samples);
        aborted.forEach((launcher, n) -> System.out.printf("%s: %d start(s) ended before the icon showed (GTK)"
                + " and were not counted%n", launcher, n));
    }

    /**
     * One run. GTK (the tray as an ordinary user) now and then fails to open its display on a just-started Xvfb and
     * aborts the process, as DesktopIT and test-deb.sh know: such a start is counted and the run made again.
     */
    private Sample once(String launcher, Function<Path, List<String>> command, int run) throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            Optional<Sample> sample = attempt(launcher, command, run + (attempt == 1 ? "" : "-" + attempt));
            if (sample.isPresent()) {
                return sample.get();
            }
            aborted.merge(launcher, 1, Integer::sum);
            step(launcher, "ended before its icon showed (GTK could not open the display?); once more");
        }
        throw new IllegalStateException(launcher + " ended before its icon showed, four times; see " + shots);
    }

    private Optional<Sample> attempt(String launcher, Function<Path, List<String>> command, String run)
            throws Exception {
        boolean traytalk = !launcher.equals("awt");
        Path home = base.resolve(launcher + "-" + run);
        Files.createDirectories(home);
        Files.writeString(home.resolve("traytalk.properties"), "name = ALICE\nnetwork.interfaces = eth0\n"
                + "alerts.seconds = 3\n" + String.join("\n", options.getOrDefault("settings", "").split(";")) + "\n");
        int history = Integer.parseInt(options.getOrDefault("history", "0"));
        if (traytalk && history > 0) {
            try (MessageStore store = SqliteMessageStore.open(home.resolve("history.db"), Clock.systemUTC(),
                    new SecureRandom())) {
                HistoryBenchmark.fill(store, history);
                store.history(new HistoryQuery(null, "w17", 1)); // the search index current, as in a running app
            }
        }
        NetnsLan.run("chown", "-R", AppRun.NOBODY + ":" + AppRun.NOBODY, home.toString());
        try (XDesktop desktop = desktop();
             Probe probe = Probe.start(lan.exec(peerNs), desktop.env(), probeClasspath, home.resolve("probe.log"))) {
            List<String> argv = command.apply(home);
            Map<String, String> env = desktop.env();
            if (memoryMap()) {
                env.put("JAVA_TOOL_OPTIONS", ("-XX:NativeMemoryTracking=detail " + options.getOrDefault("tool-options",
                        "").replace(',', ' ')).strip()); // --tool-options -XX:A,-XX:B
            }
            try (AppRun app = AppRun.start(AppRun.asUser(inAppNamespace(launcher), home, env), argv,
                    home.resolve("process.out"))) {
                Optional<String> icon = probe.askWhileAlive("tray " + words(TRAY) + " " + MIN_BLUE, "tray", app);
                if (icon.isEmpty()) {
                    return Optional.empty();
                }
                double iconMs = (Long.parseLong(icon.get()) - app.startedNanos) / 1e6;
                sleepUntil(app.startedNanos + seconds("idle", 30));
                ProcessFigures idle = ProcessFigures.of(app.pid());
                Map<String, Long> threadsBefore = ProcessFigures.threadNanos(app.pid());
                long cpuStart = ProcessFigures.cpuNanos(app.pid());
                long cpuWindow = seconds("cpu", 20);
                sleepUntil(System.nanoTime() + cpuWindow);
                double cpu = (ProcessFigures.cpuNanos(app.pid()) - cpuStart) / 1e6 * 10e9 / cpuWindow;
                writeThreads(threadsBefore, ProcessFigures.threadNanos(app.pid()), cpuWindow,
                        shots.resolve(launcher + "-" + run + "-threads.txt"));
                String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
                memoryBefore = memoryMap() ? memory(app.pid(), home, launcher + "-" + run + "-memory-idle.txt") : null;
                Sample sample = new Sample(launcher, iconMs, idle, cpu, Double.NaN, Double.NaN, Double.NaN,
                        WindowTimes.NONE, null, Double.NaN, load);
                return Optional.of(traytalk ? messages(sample, app, probe, desktop, home, launcher + "-" + run)
                        : sample);
            }
        } finally {
            keep(home.resolve("process.out"), launcher + "-" + run + "-output.txt");
            keep(home.resolve("logs/traytalk.log"), launcher + "-" + run + "-traytalk.log");
            keep(home.resolve("probe.log"), launcher + "-" + run + "-probe.log");
        }
    }

    /** The threads at idle, each with its CPU over the window (ms per 10 s), busiest first: who costs what. */
    private static void writeThreads(Map<String, Long> before, Map<String, Long> after, long windowNanos, Path file)
            throws IOException {
        List<String> lines = new ArrayList<>();
        after.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue() - before.getOrDefault(b.getKey(), 0L),
                        a.getValue() - before.getOrDefault(a.getKey(), 0L)))
                .forEach(t -> lines.add(String.format("%8.2f ms/10 s  %s%s",
                        (t.getValue() - before.getOrDefault(t.getKey(), 0L)) / 1e6 * 10e9 / windowNanos, t.getKey(),
                        before.containsKey(t.getKey()) ? "" : " (started during the window)")));
        before.keySet().stream().filter(t -> !after.containsKey(t)).forEach(t -> lines.add("   ended  " + t));
        Files.write(file, lines);
    }

    /** Enters the app's namespace (a mount namespace too: {@code ip netns exec} makes one) with the launcher's mounts. */
    private List<String> inAppNamespace(String launcher) {
        List<String> prefix = new ArrayList<>(lan.exec(appNs));
        prefix.addAll(mounts.getOrDefault(launcher, List.of()));
        return prefix;
    }

    /** Keeps what a run wrote, for looking at afterwards (the run's home folder is removed). */
    private void keep(Path file, String as) throws IOException {
        if (Files.isRegularFile(file)) {
            Files.copy(file, shots.resolve(as), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The pop-up of a first message and of a later one; optionally the flood and the conversations window. */
    private Sample messages(Sample idle, AppRun app, Probe probe, XDesktop desktop, Path home, String run)
            throws Exception {
        probe.ask("peer BOB eth0", "peer");
        probe.ask("online ALICE", "online");
        double popup = Double.parseDouble(probe.ask("popup ALICE " + words(POPUP), "popup"));
        desktop.screenshot(shots.resolve(run + "-popup.png"));
        probe.ask("gone " + words(POPUP), "gone");
        double again = Double.parseDouble(probe.ask("popup ALICE " + words(POPUP), "popup"));
        int flood = Integer.parseInt(options.getOrDefault("flood", "0"));
        if (flood == 0 && options.getOrDefault("history", "0").equals("0")) {
            return new Sample(idle.launcher(), idle.iconMs(), idle.idle(), idle.cpuMsPer10s(), popup, again,
                    Double.NaN, WindowTimes.NONE, null, Double.NaN, idle.load());
        }
        double floodSeconds = Double.NaN;
        if (flood > 0) {
            floodSeconds = Double.parseDouble(probe.ask("flood ALICE " + flood, "flood"));
            step(idle.launcher(), "flood of " + flood + " confirmed after " + floodSeconds + " s");
            awaitQuiet(app.pid());
            step(idle.launcher(), "quiet after the flood");
        }
        WindowTimes window = openAndCloseConversations(desktop, shots.resolve(run + "-conversations.png"),
                home.resolve("logs").resolve("traytalk.log"));
        step(idle.launcher(), "conversations window opened and closed: " + window);
        sleepUntil(System.nanoTime() + seconds("idle", 30));
        ProcessFigures afterWindow = ProcessFigures.of(app.pid());
        Files.write(shots.resolve(run + "-threads-after-window.txt"), ProcessFigures.threadNanos(app.pid()).keySet());
        if (memoryBefore != null) {
            printGrowth(idle.launcher(), memoryBefore, memory(app.pid(), home, run + "-memory-after.txt"));
            if (options.containsKey("then-jcmd")) { // what a collection and trim would give back, before doing it
                for (String command : options.get("then-jcmd").split(",")) {
                    step(idle.launcher(), "jcmd " + command + ": " + runAsUser(home, List.of(jcmd(),
                            Long.toString(app.pid()), command)).strip().replace('\n', ' '));
                    Thread.sleep(2000);
                }
                printGrowth(idle.launcher() + " after jcmd " + options.get("then-jcmd"), memoryBefore,
                        memory(app.pid(), home, run + "-memory-after-jcmd.txt"));
            }
        }
        // opened again once its memory was given back: what that costs the next opening
        WindowTimes reopened = openAndCloseConversations(desktop, shots.resolve(run + "-conversations-again.png"),
                home.resolve("logs").resolve("traytalk.log"));
        step(idle.launcher(), "conversations window opened again and closed: " + reopened);
        return new Sample(idle.launcher(), idle.iconMs(), idle.idle(), idle.cpuMsPer10s(), popup, again, floodSeconds,
                window, afterWindow, reopened.openMs(), idle.load());
    }

    /** A fresh Xvfb with trayer; a trayer that showed no panel (it happens on a busy machine) gets two more tries. */
    private static XDesktop desktop() throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return XDesktop.start(true);
            } catch (AssertionError e) {
                if (attempt == 3) {
                    throw e;
                }
                step("desktop", e.getMessage() + "; once more");
            }
        }
    }

    /**
     * From the tray menu, as DesktopIT does: Conversations, the fifth entry from the top (Compose, Reply to BOB,
     * Online, Message everyone: the pop-ups were BOB's; counted from the top, since a disabled "Start at logon"
     * below it is skipped by the keys); then Ctrl+F and Down open the next conversation, and Escape closes it. Times
     * each opening up to the app's log line that the conversation's messages are shown (set on the Swing thread,
     * drawn next).
     */
    private static WindowTimes openAndCloseConversations(XDesktop desktop, Path shot, Path log) throws Exception {
        Rectangle icon = desktop.trayIcons().get(0);
        if (!desktop.openMenu(icon, shot.getParent())) {
            throw new IllegalStateException("the tray menu did not open");
        }
        desktop.key("Down", "Down", "Down", "Down", "Down");
        Instant pressed = Instant.now();
        desktop.key("Return");
        String window = desktop.awaitWindow(ConversationsWindow.TITLE, 30_000);
        double openMs = Duration.between(pressed, AppLog.await(log, pressed, SHOWN, 30)).toNanos() / 1e6;
        Rectangle box = desktop.geometry(window);
        desktop.click(box.x + box.width / 2, box.y + 10, 1);
        desktop.key("ctrl+f");
        pressed = Instant.now();
        desktop.key("Down");
        double switchMs = Duration.between(pressed, AppLog.await(log, pressed, SHOWN_NEXT, 30)).toNanos() / 1e6;
        Thread.sleep(500); // drawn
        desktop.screenshot(shot);
        desktop.key("Escape");
        long end = System.nanoTime() + 10_000_000_000L;
        while (!desktop.windows(ConversationsWindow.TITLE).isEmpty()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the conversations window did not close on Escape");
            }
            Thread.sleep(100);
        }
        return new WindowTimes(openMs, switchMs);
    }

    private boolean memoryMap() {
        return options.getOrDefault("memory-map", "off").equals("on");
    }

    private static String jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    /** The process's memory now: written in full to {@code file} in target/footprint/, returned grouped. */
    private MemorySnapshot memory(long pid, Path home, String file) throws IOException, InterruptedException {
        String nmt = runAsUser(home, List.of(jcmd(), Long.toString(pid), "VM.native_memory", "detail"));
        Path proc = Path.of("/proc", Long.toString(pid));
        String smaps = Files.readString(proc.resolve("smaps"));
        Map<String, MemoryMap.Usage> groups = MemoryMap.groups(smaps, MemoryMap.jvmRegions(nmt));
        List<String> lines = new ArrayList<>(List.of(Files.readString(proc.resolve("smaps_rollup")), "resident KiB"
                + " (dirty KiB) by mapping:"));
        groups.forEach((group, u) -> lines.add(String.format("%8d (%8d)  %s", u.rssKib(), u.dirtyKib(), group)));
        lines.addAll(List.of("", nmt, "", smaps));
        Files.write(shots.resolve(file), lines);
        return new MemorySnapshot(groups, MemoryMap.nmtCommitted(nmt));
    }

    /** What grew between two snapshots, largest first: resident by mapping, then NMT's committed by category. */
    private static void printGrowth(String launcher, MemorySnapshot before, MemorySnapshot after) {
        System.out.printf("  %s memory, idle -> 30 s after the window closed (MiB; resident, of it dirty):%n", launcher);
        Set<String> groups = new TreeSet<>(before.groups().keySet());
        groups.addAll(after.groups().keySet());
        MemoryMap.Usage none = new MemoryMap.Usage(0, 0);
        groups.stream().sorted(Comparator.comparingLong((String g) ->
                        before.groups().getOrDefault(g, none).rssKib() - after.groups().getOrDefault(g, none).rssKib()))
                .forEach(g -> {
                    MemoryMap.Usage b = before.groups().getOrDefault(g, none);
                    MemoryMap.Usage a = after.groups().getOrDefault(g, none);
                    System.out.printf("    %6.1f -> %6.1f (%+5.1f), dirty %6.1f -> %6.1f  %s%n", b.rssKib() / 1024.0,
                            a.rssKib() / 1024.0, (a.rssKib() - b.rssKib()) / 1024.0, b.dirtyKib() / 1024.0,
                            a.dirtyKib() / 1024.0, g);
                });
        System.out.printf("  %s NMT committed (MiB):%n", launcher);
        after.nmt().forEach((category, kib) -> System.out.printf("    %6.1f -> %6.1f (%+5.1f)  %s%n",
                before.nmt().getOrDefault(category, 0L) / 1024.0, kib / 1024.0,
                (kib - before.nmt().getOrDefault(category, 0L)) / 1024.0, category));
    }

    /** Waits until the process used less than 5% of a core over a second: done with what it was busy with. */
    private static void awaitQuiet(long pid) throws Exception {
        long end = System.nanoTime() + 300_000_000_000L;
        long before = ProcessFigures.cpuNanos(pid);
        do {
            Thread.sleep(1000);
            long now = ProcessFigures.cpuNanos(pid);
            if (now - before < 50_000_000L) {
                return;
            }
            before = now;
        } while (System.nanoTime() < end);
        throw new IllegalStateException("the app stayed busy for 5 minutes");
    }

    private String runAsUser(Path home, List<String> command) throws IOException, InterruptedException {
        List<String> cmd = AppRun.asUser(lan.exec(appNs), home, Map.of());
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private long seconds(String option, int fallback) {
        return Long.parseLong(options.getOrDefault(option, Integer.toString(fallback))) * 1_000_000_000L;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** Progress on stderr: the figures go to stdout. */
    private static void step(String launcher, String what) {
        System.err.printf("[footprint %tT] %s: %s%n", System.currentTimeMillis(), launcher, what);
    }

    private static String words(Rectangle r) {
        return r.x + " " + r.y + " " + r.width + " " + r.height;
    }

    private static String format(Sample s) {
        String line = String.format("%-9s load %5s  icon %6.0f ms  RSS %5.1f MiB  PSS %5.1f MiB  threads %2d  CPU %5.1f ms/10 s",
                s.launcher(), s.load(), s.iconMs(), s.idle().rssMib(), s.idle().pssMib(), s.idle().threads(), s.cpuMsPer10s());
        if (!Double.isNaN(s.popupMs())) {
            line += String.format("  pop-up %5.0f ms, again %4.0f ms", s.popupMs(), s.popupAgainMs());
        }
        if (!Double.isNaN(s.floodSeconds())) {
            line += String.format("  flood %.0f s", s.floodSeconds());
        }
        if (s.afterWindow() != null) {
            line += String.format("  window shown %4.0f ms, next conversation %4.0f ms, after it: RSS %5.1f MiB"
                    + " (%+.0f%%) PSS %5.1f MiB threads %2d, shown again %4.0f ms", s.window().openMs(),
                    s.window().switchMs(), s.afterWindow().rssMib(), (s.afterWindow().rssMib() / s.idle().rssMib() - 1)
                    * 100, s.afterWindow().pssMib(), s.afterWindow().threads(), s.reopenMs());
        }
        return line;
    }

    private static void printMedians(Map<String, List<Sample>> samples) {
        System.out.println();
        System.out.println("medians    | RSS MiB | PSS MiB | threads | CPU ms/10 s | exec->icon ms | pop-up ms | again ms"
                + " | RSS after the window (ratio to idle)");
        for (var e : samples.entrySet()) {
            List<Sample> s = e.getValue();
            System.out.printf("%-10s | %7.1f | %7.1f | %7.0f | %11.1f | %13.0f | %9.0f | %8.0f | %s%n", e.getKey(),
                    median(s, x -> x.idle().rssMib()), median(s, x -> x.idle().pssMib()),
                    median(s, x -> x.idle().threads()), median(s, Sample::cpuMsPer10s), median(s, Sample::iconMs),
                    median(s, Sample::popupMs), median(s, Sample::popupAgainMs),
                    s.get(0).afterWindow() == null ? "-"
                            : String.format("%.1f MiB (%.2f), window shown %.0f ms, next conversation %.0f ms,"
                                    + " shown again %.0f ms", median(s, x -> x.afterWindow().rssMib()),
                                    median(s, x -> x.afterWindow().rssMib() / x.idle().rssMib()),
                                    median(s, x -> x.window().openMs()), median(s, x -> x.window().switchMs()),
                                    median(s, Sample::reopenMs)));
        }
    }

    static double median(List<Sample> samples, ToDoubleFunction<Sample> figure) {
        double[] v = samples.stream().mapToDouble(figure).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("options come as --name value: " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
