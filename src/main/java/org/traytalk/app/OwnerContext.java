package org.traytalk.app;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.cli.CliContext;
import org.traytalk.cli.NodeAccess;
import org.traytalk.cli.Subscription;
import org.traytalk.cli.TrayTalkCommand;
import org.traytalk.concurrent.DaemonThreads;
import org.traytalk.config.AppDirs;
import org.traytalk.control.CommandRunner;
import org.traytalk.engine.Engine;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.HistoryQuery;
import org.traytalk.platform.Autostart;
import org.traytalk.platform.Autostarts;
import org.traytalk.store.MessageStore;
import org.traytalk.store.SqliteMessageStore;
import org.traytalk.tray.desktop.DesktopApp;

/**
 * The process that owns the node: starts it on first use, runs commands typed here and commands handed over by
 * later launches against the same node, and closes it (saying OFFLINE) once.
 */
final class OwnerContext implements NodeAccess, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerContext.class);

    private final AppDirs dirs;
    private final Optional<Path> home;
    private final PrintWriter warnings;
    private RunningNode node;
    private boolean justStarted;
    private boolean closed;
    /** {@code traytalk quit} came from another launch: exit once it has its answer. */
    private boolean quitting;
    private DesktopApp desktop;
    private List<String> startWarnings = List.of();

    /**
     * @param home     the folder given by {@code --home} or {@code TRAYTALK_HOME}, if any: what starts at logon must
     *                 use it too, and the logon session may not have the variable
     * @param warnings where the node's start-up warnings are printed (this process's console)
     */
    OwnerContext(AppDirs dirs, Optional<Path> home, PrintWriter warnings) {
        this.dirs = dirs;
        this.home = home;
        this.warnings = warnings;
    }

    @Override
    public Autostart autostart() {
        return Autostarts.forThisMachine(home.map(h -> List.of("--home", h.toString())).orElse(List.of()));
    }

    @Override
    public synchronized Messenger messenger() throws Exception {
        return node(engine -> { });
    }

    @Override
    public synchronized Subscription subscribe(MessengerListener listener) throws Exception {
        if (node != null) {
            return new Subscription(node, node.subscribe(listener));
        }
        AutoCloseable[] handle = new AutoCloseable[1];
        return new Subscription(node(engine -> handle[0] = engine.subscribe(listener)), handle[0]);
    }

    private synchronized RunningNode node(Consumer<Engine> beforeStart) throws Exception {
        if (closed) {
            throw new IllegalStateException("TrayTalk is shutting down");
        }
        if (node == null) {
            List<String> found = new ArrayList<>();
            node = NodeAssembly.start(dirs, found, beforeStart);
            found.forEach(w -> warnings.println("traytalk: warning: " + w));
            startWarnings = List.copyOf(found);
            justStarted = true;
        }
        return node;
    }

    /**
     * Shows the desktop for the node until the user quits; empty without a display. The node starts first, so the
     * tray shows who is online from the first moment.
     */
    @Override
    public OptionalInt runDesktop(boolean minimized) throws Exception {
        if (!DesktopApp.displayAvailable()) {
            return OptionalInt.empty();
        }
        RunningNode running = node(engine -> { });
        AppWindows windows = new AppWindows(running);
        DesktopApp app = DesktopApp.start(running, autostart(), windows, running.settings(), minimized,
                running.housekeeping());
        // a tray app has no console: what went wrong at start shows in the tray (and stays in the log)
        startWarnings.forEach(app::warn);
        synchronized (this) {
            desktop = app;
        }
        AutoCloseable settingsSubscription = running.onSettingsChanged(app::apply);
        try (settingsSubscription) {
            app.awaitQuit();
        } finally {
            synchronized (this) {
                desktop = null;
            }
            app.close();
        }
        return OptionalInt.of(0);
    }

    @Override
    public synchronized OptionalInt bringForward() {
        if (desktop == null) {
            return OptionalInt.empty();
        }
        desktop.bringForward();
        return OptionalInt.of(0);
    }

    /** {@code traytalk quit} from another launch: leave the desktop, or end a console or quiet process. */
    @Override
    public synchronized boolean quit() {
        if (desktop != null) {
            desktop.close();
            return true;
        }
        quitting = true; // once the quit command's answer went to the other launch: see runnerForOthers
        return true;
    }

    /** With no node running, history comes straight from the store: reading it must not announce us on the LAN. */
    @Override
    public List<ChatMessage> history(HistoryQuery query) throws Exception {
        synchronized (this) {
            if (node != null) {
                return node.history(query);
            }
        }
        try (MessageStore store = SqliteMessageStore.open(dirs.data().resolve(NodeAssembly.DATABASE),
                Clock.systemUTC(), new SecureRandom())) {
            return store.history(query);
        }
    }

    @Override
    public synchronized boolean nodeJustStarted() {
        return justStarted;
    }

    /** How commands from later launches run: same node, their own streams. */
    CommandRunner runnerForOthers() {
        return new CommandRunner() {
            @Override
            public int run(List<String> args, BufferedReader in, PrintWriter out, PrintWriter err) {
                return TrayTalkCommand.commandLine(CliContext.forwarded(OwnerContext.this, in, out, err))
                        .execute(args.toArray(String[]::new));
            }

            @Override
            public void answered() {
                synchronized (OwnerContext.this) {
                    if (quitting) { // the shutdown hook says OFFLINE and closes the history
                        // not on this session's thread: exit blocks its caller until the hook has closed what the
                        // session runs in
                        DaemonThreads.start("traytalk-quit", () -> System.exit(0));
                    }
                }
            }
        };
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (node != null) {
            try {
                node.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the node failed", e);
            }
        }
    }
}
