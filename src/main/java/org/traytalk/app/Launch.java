package org.traytalk.app;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.traytalk.cli.CliContext;
import org.traytalk.cli.TrayTalkCommand;
import org.traytalk.concurrent.DaemonThreads;
import org.traytalk.config.AppDirs;
import org.traytalk.config.LogSetup;
import org.traytalk.control.AlreadyRunningException;
import org.traytalk.control.ControlClient;
import org.traytalk.control.ControlServer;
import org.traytalk.control.InstanceLock;
import org.traytalk.platform.RunningMarker;
import org.traytalk.platform.SqliteLibrary;

/**
 * One launch: help and version answer at once; otherwise the command goes to the running TrayTalk if there is
 * one, or this process becomes the owner (lock, node, control socket) and runs it here.
 */
final class Launch {
    private static final Logger LOG = LoggerFactory.getLogger(Launch.class);
    static final String SOCKET = "traytalk.sock";
    static final String LOCK = "traytalk.lock";

    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;

    Launch(BufferedReader in, PrintWriter out, PrintWriter err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) throws Exception {
        TrayTalkCommand.Opening opening = TrayTalkCommand.open(args, out, err);
        if (opening.answered()) {
            return 0;
        }
        Path home = opening.home();
        String envHome = System.getenv(AppDirs.HOME_ENV);
        if (home == null && envHome != null && !envHome.isBlank()) {
            home = Path.of(envHome);
        }
        AppDirs dirs = home != null ? AppDirs.under(home) : AppDirs.forThisMachine();
        dirs.ensureCreated();
        Path socket = dirs.data().resolve(SOCKET);

        Optional<ControlClient> running = ControlClient.connect(socket);
        if (running.isPresent()) {
            try (ControlClient client = running.get()) {
                return client.forward(List.of(args), in, out, err);
            }
        }
        InstanceLock lock;
        try {
            lock = InstanceLock.acquire(dirs.data().resolve(LOCK));
        } catch (AlreadyRunningException e) {
            return forwardToNewcomer(socket, args, e);
        }
        // only the owner writes the log file: two processes rolling one file would garble it
        new LogSetup(dirs.logs(), false, Level.INFO).apply();
        SqliteLibrary.useFrom(dirs.data()); // before the store first loads the driver
        // dirs.data() is absolute, as AppDirs.under made it
        OwnerContext owner = new OwnerContext(dirs, home == null ? Optional.empty() : Optional.of(dirs.data()), err);
        ControlServer server;
        try {
            server = ControlServer.start(socket, lock, owner.runnerForOthers());
        } catch (Exception e) {
            lock.close();
            throw e;
        }
        RunningMarker marker = RunningMarker.forThisMachine();
        Thread hook = new DaemonThreads("traytalk-shutdown").newThread(() -> {
            shutDown(owner, server);
            marker.close();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return TrayTalkCommand.commandLine(CliContext.console(owner, in, out, err)).execute(args);
        } finally {
            shutDown(owner, server);
            marker.close();
            removeHook(hook);
        }
    }

    /** The node says OFFLINE and closes its store before the lock (held by the server) lets another owner in. */
    private static void shutDown(OwnerContext owner, ControlServer server) {
        owner.close();
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("Closing the control socket failed", e);
        }
    }

    /** Another launch took the lock a moment ago: give it time to open its socket, then hand over. */
    private int forwardToNewcomer(Path socket, String[] args, AlreadyRunningException locked) throws Exception {
        for (int i = 0; i < 50; i++) {
            Optional<ControlClient> running = ControlClient.connect(socket);
            if (running.isPresent()) {
                try (ControlClient client = running.get()) {
                    return client.forward(List.of(args), in, out, err);
                }
            }
            Thread.sleep(100);
        }
        throw locked;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: nothing to remove
        }
    }
}
