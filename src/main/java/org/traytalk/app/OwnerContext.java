package org.traytalk.app;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Consumer;
import org.traytalk.cli.CliContext;
import org.traytalk.cli.Subscription;
import org.traytalk.engine.Engine;
import org.traytalk.engine.MessengerListener;
import org.traytalk.cli.TrayTalkCommand;
import org.traytalk.config.AppDirs;
import org.traytalk.control.CommandRunner;
import org.traytalk.engine.Messenger;
import org.traytalk.platform.Autostart;
import org.traytalk.platform.Autostarts;

/**
 * The process that owns the node: starts it on first use, runs commands typed here and commands handed over by
 * later launches against the same node, and closes it (saying OFFLINE) once.
 */
final class OwnerContext implements CliContext, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerContext.class);

    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;
    private AppDirs dirs;
    private Path home;
    private RunningNode node;
    private boolean justStarted;
    private boolean closed;
    private org.traytalk.tray.desktop.DesktopApp desktop;
    private List<String> startWarnings = List.of();

    OwnerContext(BufferedReader in, PrintWriter out, PrintWriter err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    void useFolders(AppDirs folders) {
        this.dirs = folders;
    }

    /**
     * TrayTalk runs with one folder given by {@code --home} or {@code TRAYTALK_HOME}: what starts at logon must use
     * that folder too, and the logon session may not have the variable.
     */
    void useHome(Path home) {
        this.home = home;
    }

    @Override
    public Autostart autostart() {
        Path h = home;
        return Autostarts.forThisMachine(h == null ? List.of() : List.of("--home", h.toString()));
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

    private Messenger node(Consumer<Engine> beforeStart) throws Exception {
        if (closed) {
            throw new IllegalStateException("TrayTalk is shutting down");
        }
        if (node == null) {
            List<String> warnings = new ArrayList<>();
            node = NodeAssembly.start(dirs, warnings, beforeStart);
            warnings.forEach(w -> err.println("traytalk: warning: " + w));
            startWarnings = List.copyOf(warnings);
            justStarted = true;
        }
        return node;
    }

    /**
     * Shows the desktop for the node until the user quits; empty without a display. The node starts first, so the
     * tray shows who is online from the first moment.
     */
    @Override
    public java.util.OptionalInt runDesktop(boolean minimized) throws Exception {
        if (!org.traytalk.tray.desktop.DesktopApp.displayAvailable()) {
            return java.util.OptionalInt.empty();
        }
        RunningNode running = (RunningNode) messenger();
        AppWindows windows = new AppWindows(running);
        org.traytalk.tray.desktop.DesktopApp app = org.traytalk.tray.desktop.DesktopApp.start(running, autostart(), windows, running.settings(), minimized);
        windows.reportOpenedTo(app::conversationOpened);
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
        return java.util.OptionalInt.of(0);
    }

    /** For a later launch without a command: bring the desktop forward, or empty when this process shows none. */
    private synchronized java.util.OptionalInt bringForward() {
        if (desktop == null) {
            return java.util.OptionalInt.empty();
        }
        desktop.bringForward();
        return java.util.OptionalInt.of(0);
    }

    /** {@code traytalk quit} from another launch: leave the desktop, or end a console or quiet process. */
    synchronized boolean requestQuit() {
        if (desktop != null) {
            desktop.close();
            return true;
        }
        Thread exit = new Thread(() -> {
            try {
                Thread.sleep(300); // let the quit command's answer reach the other launch first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(0); // the shutdown hook says OFFLINE and closes the history
        }, "traytalk-quit");
        exit.start();
        return true;
    }

    /** With no node running, history comes straight from the store: reading it must not announce us on the LAN. */
    @Override
    public java.util.List<org.traytalk.model.ChatMessage> history(org.traytalk.model.HistoryQuery query)
            throws Exception {
        synchronized (this) {
            if (node != null) {
                return node.history(query);
            }
        }
        try (org.traytalk.store.MessageStore store = org.traytalk.store.SqliteMessageStore.open(
                dirs.data().resolve(NodeAssembly.DATABASE), java.time.Clock.systemUTC(), new java.security.SecureRandom())) {
            return store.history(query);
        }
    }

    @Override
    public synchronized boolean nodeJustStarted() {
        return justStarted;
    }

    @Override
    public BufferedReader in() {
        return in;
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    /** How commands from later launches run: same node, their own streams. */
    CommandRunner runnerForOthers() {
        return (args, otherIn, otherOut, otherErr) -> TrayTalkCommand.commandLine(new CliContext() {
            @Override
            public Messenger messenger() throws Exception {
                return OwnerContext.this.messenger();
            }

            @Override
            public boolean nodeJustStarted() {
                return false;
            }

            @Override
            public boolean forwarded() {
                return true;
            }

            @Override
            public java.util.OptionalInt runDesktop(boolean minimized) {
                return bringForward();
            }

            @Override
            public boolean quit() {
                return requestQuit();
            }

            @Override
            public Subscription subscribe(MessengerListener listener) throws Exception {
                return OwnerContext.this.subscribe(listener);
            }

            @Override
            public BufferedReader in() {
                return otherIn;
            }

            @Override
            public PrintWriter out() {
                return otherOut;
            }

            @Override
            public PrintWriter err() {
                return otherErr;
            }
        }).execute(args.toArray(String[]::new));
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
