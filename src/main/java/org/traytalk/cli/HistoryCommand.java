package org.traytalk.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.HistoryQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code traytalk history}: stored messages, oldest of the page first. */
@Command(name = "history", description = "Show stored messages, with delivery marks; newest at the bottom.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    TrayTalkCommand parent;

    @Option(names = "--peer", paramLabel = "NAME", description = "Only the conversation with NAME (* for messages to everyone).")
    String peer;

    @Option(names = "--search", paramLabel = "WORDS", description = "Full-text search: words, prefix*, \"a phrase\".")
    String search;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N messages (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        if (limit < 1 || limit > 10_000) {
            ctx.err().println("traytalk: --limit must be between 1 and 10000");
            return 2;
        }
        List<ChatMessage> page = new ArrayList<>(ctx.node().history(new HistoryQuery(peer, search, limit)));
        if (page.isEmpty()) {
            ctx.out().println("No messages" + (search == null ? "" : " match \"" + search + "\"") + ".");
            return 0;
        }
        Collections.reverse(page);
        MessageLines lines = new MessageLines(ctx.zone());
        page.forEach(m -> ctx.out().println(lines.historyLine(m)));
        return 0;
    }
}
