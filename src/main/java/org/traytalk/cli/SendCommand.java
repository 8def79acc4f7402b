package org.traytalk.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerException;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code traytalk send NAME text...}: sends and waits a little for the receipt. */
@Command(name = "send", description = {"Send a message to NAME, or to everyone with *.",
        "Exit status: 0 delivered, 3 queued or not yet confirmed (TrayTalk keeps trying), 1 failed, 2 refused."})
final class SendCommand implements Callable<Integer> {
    static final int DELIVERED = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;
    static final int PENDING = 3;

    @ParentCommand
    TrayTalkCommand parent;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for the receipt (default: ${DEFAULT-VALUE}).")
    double waitSeconds;

    @Parameters(index = "0", paramLabel = "NAME", description = "Recipient's name, or * for everyone.")
    String recipient;

    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "0..*",
            description = "The message; none or - reads it from standard input.")
    List<String> words;

    @Override
    public Integer call() throws Exception {
        CliContext ctx = parent.context();
        String text = words == null || words.equals(List.of("-")) ? readAll(ctx) : String.join(" ", words);
        Messenger messenger = ctx.node().messenger();
        LinkedBlockingQueue<ChatMessage> updates = new LinkedBlockingQueue<>();
        ChatMessage sent;
        AutoCloseable subscription = messenger.subscribe(new MessengerListener() {
            @Override
            public void messageUpdated(ChatMessage m) {
                updates.add(m);
            }
        });
        try (subscription) {
            try {
                sent = messenger.send(recipient, text);
            } catch (MessengerException e) {
                ctx.err().println("traytalk: not sent: " + e.getMessage());
                return REFUSED;
            }
            ChatMessage last = awaitOutcome(sent, updates);
            boolean online = messenger.peers().stream().anyMatch(p -> p.online() && p.name().equalsIgnoreCase(recipient));
            return report(ctx, last, online);
        }
    }

    private ChatMessage awaitOutcome(ChatMessage sent, LinkedBlockingQueue<ChatMessage> updates)
            throws InterruptedException {
        long deadline = System.nanoTime() + (long) (waitSeconds * 1e9);
        ChatMessage last = sent;
        while (!isSettled(last)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            ChatMessage m = updates.poll(left, TimeUnit.NANOSECONDS);
            if (m != null && m.rowId() == sent.rowId()) {
                last = m;
            }
        }
        return last;
    }

    private static boolean isSettled(ChatMessage m) {
        return m.state().isFinal() || (m.broadcast() && m.receipts().isEmpty() && m.state() == DeliveryState.SENT);
    }

    private int report(CliContext ctx, ChatMessage m, boolean recipientOnline) {
        String confirmed = m.receipts().stream().filter(r -> r.state().isDelivered())
                .map(r -> TextEscape.oneLine(r.peer())).collect(Collectors.joining(", "));
        String waiting = m.receipts().stream().filter(r -> !r.state().isFinal())
                .map(r -> TextEscape.oneLine(r.peer())).collect(Collectors.joining(", "));
        if (m.broadcast()) {
            if (m.receipts().isEmpty()) {
                ctx.out().println("sent to everyone; nobody was online to confirm it");
                return DELIVERED;
            }
            if (m.state().isDelivered()) {
                ctx.out().println("delivered to everyone: " + confirmed);
                return DELIVERED;
            }
            ctx.out().println("sent to everyone; confirmed by " + (confirmed.isEmpty() ? "nobody yet" : confirmed)
                    + (waiting.isEmpty() ? "" : "; still waiting for " + waiting)
                    + (m.state() == DeliveryState.FAILED ? "; the others did not confirm in time" : ""));
            return m.state() == DeliveryState.FAILED ? FAILED : PENDING;
        }
        switch (m.state()) {
            case DELIVERED, SEEN -> {
                ctx.out().println((m.state() == DeliveryState.SEEN ? "seen by " : "delivered to ") + m.peer());
                return DELIVERED;
            }
            case FAILED -> {
                ctx.out().println("failed: " + m.peer() + " did not confirm the message in time");
                return FAILED;
            }
            case QUEUED -> ctx.out().println(recipientOnline
                    ? "queued: " + m.peer() + " looks online but has not answered yet; TrayTalk keeps trying"
                    : "queued: " + m.peer() + " is offline; TrayTalk delivers it when " + m.peer() + " is back"
                    + (ctx.nodeJustStarted() ? " and TrayTalk is running here (it was started just for this command)"
                    : ""));
            default -> ctx.out().println("sent, not yet confirmed by " + m.peer() + "; TrayTalk keeps trying");
        }
        return PENDING;
    }

    private static String readAll(CliContext ctx) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line; (line = ctx.in().readLine()) != null; ) {
            sb.append(line).append('\n');
        }
        return sb.toString().strip();
    }
}
