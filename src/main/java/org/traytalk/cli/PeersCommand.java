package org.traytalk.cli;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.traytalk.engine.Messenger;
import org.traytalk.model.Peer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code traytalk peers}: the roster. */
@Command(name = "peers", description = "List the peers seen on the network, online ones first, and whether each is "
        + "a verified TrayTalk identity or not verified (the original program, which cannot prove who it is).")
final class PeersCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    TrayTalkCommand parent;

    @Option(names = "--keys", description = "Show each peer's identity fingerprint, to compare with what it shows.")
    boolean keys;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "2",
            description = "When TrayTalk was not running: how long to listen for answers first (default: ${DEFAULT-VALUE}).")
    double waitSeconds;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        if (!(waitSeconds >= 0)) {
            ctx.err().println("traytalk: --wait must be 0 or more seconds");
            return 2;
        }
        Messenger messenger = ctx.node().messenger();
        if (ctx.nodeJustStarted()) {
            messenger.refresh();
            Thread.sleep((long) (waitSeconds * 1000)); // answers to DETECT: there is nothing to wait on but time
        }
        List<Peer> peers = messenger.peers();
        if (peers.isEmpty()) {
            ctx.out().println("No peers seen yet.");
            return 0;
        }
        String format = keys ? "%-24s %-8s %-29s %-28s %-19s %s%n" : "%-24s %-8s %-12s %-28s %-19s %s%n";
        ctx.out().printf(format, "NAME", "STATE", keys ? "FINGERPRINT" : "IDENTITY", "ADDRESS", "LAST SEEN", "STATUS");
        for (Peer p : peers) {
            String identity = !p.verified() ? "not verified" : keys ? p.fingerprint().code() : "verified";
            String state = !p.online() ? "offline" : p.status().away() ? "away" : "online";
            ctx.out().printf(format, TextEscape.oneLine(p.name()), state, identity,
                    TextEscape.oneLine(p.address().toString()), WHEN.format(p.lastSeen().atZone(ctx.zone())),
                    TextEscape.oneLine(p.status().line()));
        }
        return 0;
    }
}
