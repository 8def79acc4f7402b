package org.traytalk.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.Peer;

/** How messages read in the console: time, direction, who, delivery mark, text (continuation lines indented). */
final class MessageLines {
    /** After a name that cannot be verified, as the tray and traytalk peers say it. */
    static final String NOT_VERIFIED = " (not verified)";
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

    /**
     * The peer's name as shown: names come off the wire, so they are escaped like text; the sender of a message the
     * original program's carriers brought is marked, since anyone could have sent it under that name.
     */
    static String who(ChatMessage m) {
        String name = ChatMessage.EVERYONE.equals(m.peer()) ? "everyone" : TextEscape.oneLine(m.peer());
        return m.verified() ? name : name + NOT_VERIFIED;
    }

    /** A peer's name as shown, marked when it is a peer of the original program, which cannot prove who it is. */
    static String who(Peer p) {
        return TextEscape.oneLine(p.name()) + (p.verified() ? "" : NOT_VERIFIED);
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
