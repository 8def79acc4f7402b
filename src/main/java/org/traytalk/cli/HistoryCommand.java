package org.traytalk.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.HistoryQuery;
import org.traytalk.text.ConversationExport;
import org.traytalk.text.ConversationExport.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code traytalk history}: stored messages, oldest of the page first; or written out as text or HTML. */
@Command(name = "history", description = {"Show stored messages, with delivery marks; newest at the bottom.",
    "With --export, write them as a plain text or HTML file to standard output, e.g.",
    "  traytalk history --peer BOB --export html > bob.html"})
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    TrayTalkCommand parent;

    @Option(names = "--peer", paramLabel = "NAME", description = "Only the conversation with NAME (* for messages to everyone).")
    String peer;

    @Option(names = "--search", paramLabel = "WORDS", description = "Full-text search: words, prefix*, \"a phrase\".")
    String search;

    @Option(names = "--limit", paramLabel = "N", description = "At most N messages, the newest (default: 50; "
            + "10000 with --export).")
    Integer limit;

    @Option(names = "--export", paramLabel = "FORMAT", description = "Write the messages as a file to standard "
            + "output: text or html (every text escaped).")
    String export;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        int most = limit != null ? limit : export != null ? HistoryQuery.MAX_LIMIT : 50;
        if (most < 1 || most > HistoryQuery.MAX_LIMIT) {
            ctx.err().println("traytalk: --limit must be between 1 and " + HistoryQuery.MAX_LIMIT);
            return 2;
        }
        Format format;
        try {
            format = export == null ? null : Format.of(export);
        } catch (IllegalArgumentException e) {
            ctx.err().println("traytalk: " + e.getMessage());
            return 2;
        }
        List<ChatMessage> page = new ArrayList<>(ctx.node().history(new HistoryQuery(peer, search, most)));
        if (format != null) {
            Collections.reverse(page);
            ctx.out().print(new ConversationExport(ctx.zone()).write(format, title(), Instant.now(), page));
            ctx.out().flush();
            return 0;
        }
        if (page.isEmpty()) {
            ctx.out().println("No messages" + (search == null ? "" : " match \"" + search + "\"") + ".");
            return 0;
        }
        Collections.reverse(page);
        MessageLines lines = new MessageLines(ctx.zone());
        page.forEach(m -> ctx.out().println(lines.historyLine(m)));
        return 0;
    }

    private String title() {
        String what = peer == null ? "All messages" : ChatMessage.EVERYONE.equals(peer.strip())
                ? "Messages to and from everyone" : "Conversation with " + peer.strip();
        return search == null ? what : what + " matching \u201C" + search.strip() + "\u201D";
    }
}
