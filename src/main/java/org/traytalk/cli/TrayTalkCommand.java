package org.traytalk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code traytalk}: without a subcommand, the console chat. */
// INHERIT: every command takes --help and --version ("traytalk send --help" was an unknown-option error)
@Command(name = "traytalk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = {"Serverless LAN messenger. Without a command: the tray icon with pop-ups and windows, or,",
                "without a desktop (or with --console), an interactive chat in this console."},
        subcommands = {SendCommand.class, PeersCommand.class, HistoryCommand.class, ListenCommand.class,
                ReadCommand.class, IdCommand.class, TrustCommand.class, AutostartCommand.class, QuitCommand.class})
public final class TrayTalkCommand implements Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Keep settings, history and logs in DIR (default: the usual per-user folders, or $TRAYTALK_HOME).")
    Path home;

    @Option(names = "--minimized", description = "Start quietly in the tray, without a window (used when starting at logon).")
    boolean minimized;

    @Option(names = "--console", description = "Chat in this console even when a desktop is available.")
    boolean console;

    private final CliContext context;

    private TrayTalkCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    @Override
    public Integer call() throws Exception {
        if (!console) {
            OptionalInt desktop = context.forwarded() ? context.node().bringForward()
                    : context.node().runDesktop(minimized);
            if (desktop.isPresent()) {
                return desktop.getAsInt();
            }
        }
        if (minimized) {
            return runQuietly();
        }
        return new ConsoleChat(context.node(), context.in(), context.out(), context.zone()).run();
    }

    /** Without a desktop: a node without any window or output, running until logoff or {@code traytalk quit}. */
    private int runQuietly() throws Exception {
        if (context.forwarded()) {
            context.out().println("TrayTalk is already running.");
            return 0;
        }
        context.node().messenger();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** What a launch learns from its command line before it has a node. */
    public record Opening(boolean answered, Path home) {
    }

    /**
     * Parses {@code args} before any node exists: prints help or the version when asked ({@code answered}), and
     * finds the {@code --home} folder (null when not given). A bad command line throws picocli's
     * {@link CommandLine.ParameterException}.
     */
    public static Opening open(String[] args, PrintWriter out, PrintWriter err) {
        TrayTalkCommand command = new TrayTalkCommand(null); // parsed, never run: it needs no context
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        boolean answered = CommandLine.printHelpIfRequested(cl.parseArgs(args));
        return new Opening(answered, command.home);
    }

    /** A command line whose commands run against {@code context}, with its streams. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cl = new CommandLine(new TrayTalkCommand(context));
        cl.setOut(context.out());
        cl.setErr(context.err());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            context.err().println("traytalk: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cl;
    }
}
