package org.traytalk.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.traytalk.engine.Messenger;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code traytalk read NAME}: the conversation counts as read, as if shown in the window: its unread count drops in
 * every window and tray, and TrayTalk senders get their "seen" mark (setting {@code seen.receipts}).
 */
@Command(name = "read", description = "Mark the conversation with NAME (* for everyone) as read, as the window does "
        + "when it shows it: unread counts drop everywhere, and TrayTalk senders see their messages as seen.")
final class ReadCommand implements Callable<Integer> {

    @ParentCommand
    TrayTalkCommand parent;

    @Parameters(index = "0", paramLabel = "NAME", description = "The peer, or * for the messages to everyone.")
    String name;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        Messenger messenger = ctx.node().messenger();
        String key = Conversation.keyOf(name);
        Optional<Conversation> found = messenger.conversations().stream().filter(c -> c.key().equals(key))
                .findFirst();
        String who = ChatMessage.EVERYONE.equals(key) ? "everyone" : TextEscape.oneLine(name.strip());
        if (found.isEmpty() || found.get().latest() == null) {
            ctx.err().println("traytalk: no messages with " + who);
            return 1;
        }
        Conversation c = found.get();
        if (c.unread() == 0) {
            ctx.out().println("Nothing unread from " + who + ".");
            return 0;
        }
        messenger.markRead(key, c.latest().rowId());
        ctx.out().println("Read " + c.unread() + (c.unread() == 1 ? " message" : " messages") + " from " + who + ".");
        return 0;
    }
}
