package org.traytalk.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;

/** How messages read in the console: time, direction, who, delivery mark, text (continuation lines indented). */
final class MessageLines {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;

    MessageLines(ZoneId zone) {
        this.zone = zone;
    }

    String historyLine(ChatMessage m) {
        String head = DAY_TIME.format(m.createdAt().atZone(zone)) + "  ";
        if (m.direction() == Direction.INBOUND) {
            head += "<- " + who(m) + (m.broadcast() ? " (to everyone)" : "");
        } else {
            head += "-> " + who(m) + " " + mark(m);
        }
        return head + "  " + body(m.body(), head.length() + 2);
    }

    String chatLine(ChatMessage m) {
        String head = "[" + TIME.format(m.createdAt().atZone(zone)) + "] " + who(m)
                + (m.broadcast() ? " (to everyone)" : "") + ": ";
        return head + body(m.body(), head.length());
    }

    /** The peer's name as shown: names come off the wire, so they are escaped like text. */
    static String who(ChatMessage m) {
        return ChatMessage.EVERYONE.equals(m.peer()) ? "everyone" : TextEscape.oneLine(m.peer());
    }

    /** [delivered], [sent], [queued], [failed]; a broadcast also counts its receipts. */
    static String mark(ChatMessage m) {
        String state = EventFormat.state(m.state());
        if (m.broadcast() && !m.receipts().isEmpty()) {
            long ok = m.receipts().stream().filter(r -> r.state().isDelivered()).count();
            state += " " + ok + "/" + m.receipts().size();
        }
        return "[" + state + "]";
    }

    /** Control characters shown escaped; line breaks kept, later lines indented under the first. */
    private static String body(String text, int indent) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append(System.lineSeparator()).append(" ".repeat(indent));
            }
            sb.append(TextEscape.oneLine(lines[i]));
        }
        return sb.toString();
    }
}
