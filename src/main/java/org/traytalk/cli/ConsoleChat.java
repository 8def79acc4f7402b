package org.traytalk.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerException;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;

/** The interactive console chat: messages appear as they arrive; lines typed are sent or are commands. */
final class ConsoleChat {
    static final String HELP = String.join(System.lineSeparator(),
            "  @NAME text      send text to NAME",
            "  @* text         send text to everyone",
            "  text            answer the last person who wrote to you",
            "  /peers          who is online",
            "  /history [NAME] recent messages (with NAME)",
            "  /help           this help",
            "  /quit           leave (others see you go offline)");

    private final NodeAccess node;
    private Messenger messenger;
    private final BufferedReader in;
    private final PrintWriter out;
    private final MessageLines lines;
    private volatile String lastSender;

    ConsoleChat(NodeAccess node, BufferedReader in, PrintWriter out, ZoneId zone) {
        this.node = node;
        this.in = in;
        this.out = out;
        this.lines = new MessageLines(zone);
    }

    int run() throws Exception {
        // subscribed before the node starts: messages that waited for us print too, after the greeting line
        try (Subscription sub = node.subscribe(new Printer())) {
            messenger = sub.messenger();
            say("TrayTalk: you are " + messenger.localName() + ". Type @NAME message to send, /help for help.");
            for (String line; (line = in.readLine()) != null; ) {
                if (!handle(line.strip())) {
                    break;
                }
            }
        }
        return 0;
    }

    /** Returns false on /quit. */
    boolean handle(String line) {
        if (line.isEmpty()) {
            return true;
        }
        if (line.startsWith("/")) {
            return command(line);
        }
        if (line.startsWith("@")) {
            int space = line.indexOf(' ');
            if (space < 0) {
                say("Nothing to send: type @NAME and the message on one line.");
            } else {
                send(line.substring(1, space), line.substring(space + 1).strip());
            }
            return true;
        }
        if (lastSender == null) {
            say("Nobody has written to you yet: start with @NAME (or @* for everyone). /help for help.");
        } else {
            send(lastSender, line);
        }
        return true;
    }

    private boolean command(String line) {
        String[] parts = line.split("\\s+", 2);
        switch (parts[0]) {
            case "/quit", "/exit" -> {
                return false;
            }
            case "/peers" -> peers();
            case "/history" -> history(parts.length > 1 ? parts[1] : null);
            case "/help" -> say(HELP);
            default -> say("Unknown command " + parts[0] + ". Commands:" + System.lineSeparator() + HELP);
        }
        return true;
    }

    private void send(String to, String text) {
        try {
            ChatMessage m = messenger.send(to, text);
            if (m.state() == DeliveryState.QUEUED) {
                say("  (" + MessageLines.who(m) + " is offline: the message waits and goes out when they are back)");
            }
        } catch (MessengerException | RuntimeException e) {
            // a store failure loses this message, not the whole session
            say("Not sent: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private void peers() {
        List<Peer> online = messenger.peers().stream().filter(Peer::online).toList();
        say(online.isEmpty() ? "Nobody else is online." : "Online: "
                + String.join(", ", online.stream().map(MessageLines::who).toList()));
    }

    private void history(String peer) {
        List<ChatMessage> page = new ArrayList<>(messenger.history(new HistoryQuery(peer, null, 20)));
        Collections.reverse(page);
        if (page.isEmpty()) {
            say("No messages yet.");
        }
        page.forEach(m -> say(lines.historyLine(m)));
    }

    private synchronized void say(String text) {
        out.println(text);
        out.flush();
    }

    /** Prints what happens while the user types. */
    private final class Printer implements MessengerListener {
        @Override
        public void messageReceived(ChatMessage m) {
            lastSender = m.peer();
            say(lines.chatLine(m));
        }

        @Override
        public void messageUpdated(ChatMessage m) {
            if (m.state() == DeliveryState.SEEN) {
                say("  (seen by " + (m.broadcast() ? "everyone" : MessageLines.who(m)) + ")");
            } else if (m.state() == DeliveryState.DELIVERED) {
                say("  (delivered to " + (m.broadcast() ? "everyone " + MessageLines.mark(m) : MessageLines.who(m))
                        + ")");
            } else if (m.state() == DeliveryState.FAILED) {
                say("  (NOT delivered to " + MessageLines.who(m) + ": no receipt in time) " + TextEscape.oneLine(m.body()));
            }
        }

        @Override
        public void peerOnline(Peer p) {
            say("* " + MessageLines.who(p) + " is online");
        }

        @Override
        public void peerOffline(Peer p) {
            say("* " + MessageLines.who(p) + " went offline");
        }

        /**
         * Said each time, with the count held: the console has no tray to keep the warning in view. The command to
         * accept names the peer only when the name is safe to paste into a shell (names come off the wire).
         */
        @Override
        public void keyChanged(KeyChange c) {
            String name = TextEscape.oneLine(c.name());
            String argument = c.name().matches("[A-Za-z0-9._-]+") ? c.name() : "NAME";
            say("! " + name + "'s key changed: someone may be posing as " + name + " (" + c.held() + " message"
                    + (c.held() == 1 ? "" : "s") + " held, not shown). If " + name + "'s traytalk id or About shows "
                    + c.offered() + ", accept it: traytalk trust " + argument + " " + c.offered());
        }

        @Override
        public void problem(String text) {
            say("! " + text);
        }
    }

}
