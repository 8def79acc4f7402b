package org.traytalk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.traytalk.it.NetnsLan;

/**
 * A benchmark's namespace LAN, the processes it started there and the folder their homes are in: all gone at
 * {@link #close}, also when the benchmark is interrupted (^C), except the folder when it is to be kept.
 */
final class LanRun implements AutoCloseable {
    final NetnsLan lan;
    final Path base;
    private final boolean keep;
    private final List<Process> started = new ArrayList<>();
    private final Thread onInterrupt = new Thread(this::cleanUp, "lan-run-clean-up");
    private boolean cleaned;

    private LanRun(NetnsLan lan, Path base, boolean keep) {
        this.lan = lan;
        this.base = base;
        this.keep = keep;
    }

    /** A new LAN whose namespaces start with {@code prefix} and a new folder; {@code keep}: the folder stays. */
    static LanRun create(String prefix, boolean keep) throws IOException {
        Path base = Files.createTempDirectory("traytalk-" + prefix);
        LanRun run = new LanRun(NetnsLan.create(prefix + ProcessHandle.current().pid()), base, keep);
        Runtime.getRuntime().addShutdownHook(run.onInterrupt);
        return run;
    }

    /** Starts a process that {@link #close} ends. */
    synchronized Process start(ProcessBuilder pb) throws IOException {
        Process p = pb.start(); // ip netns exec execs the program: the pid is the program's
        started.add(p);
        return p;
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: nothing left to remove
        }
    }

    private synchronized void cleanUp() {
        if (cleaned) {
            return;
        }
        cleaned = true;
        started.forEach(Process::destroy); // TrayTalk logs what it refused in all as it ends
        started.forEach(AppRun::awaitEnd);
        lan.close();
        if (keep) {
            System.out.println("the nodes' homes and logs are kept in " + base);
            return;
        }
        try {
            NetnsLan.run("rm", "-rf", base.toString());
        } catch (IOException e) {
            System.err.println("Could not remove " + base + ": " + e.getMessage());
        }
    }
}
