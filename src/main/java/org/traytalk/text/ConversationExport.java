package org.traytalk.text;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Direction;

/**
 * A conversation written out for keeping: as plain text or as one HTML page. Every text from the network is
 * sanitized ({@link SafeText#sanitize}), and in HTML escaped, so a message can neither reorder the file's text nor
 * inject markup; the page also forbids itself every script and load (Content-Security-Policy).
 */
public final class ConversationExport {
    /** What the file holds. */
    public enum Format {
        TEXT, HTML;

        /** "text" or "html", any case; anything else is refused with the choices named. */
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("the export format is text or html, not \"" + name + "\"");
        }
    }

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ZoneId zone;

    public ConversationExport(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param title      e.g. "Conversation with BOB"; may come from the network (a name), so it is sanitized too
     * @param exportedAt when, for the line under the title
     * @param oldestFirst the messages in reading order
     */
    public String write(Format format, String title, Instant exportedAt, List<ChatMessage> oldestFirst) {
        return format == Format.HTML ? html(title, exportedAt, oldestFirst) : text(title, exportedAt, oldestFirst);
    }

    private String text(String title, Instant exportedAt, List<ChatMessage> messages) {
        StringBuilder out = new StringBuilder();
        out.append(oneLine(title)).append('\n').append(summary(exportedAt, messages)).append("\n");
        for (ChatMessage m : messages) {
            out.append('\n').append(time(m.createdAt())).append("  ").append(oneLine(who(m)));
            mark(m).ifPresent(mark -> out.append("  [").append(mark).append(']'));
            out.append('\n');
            for (String line : SafeText.sanitize(m.body()).split("\n", -1)) {
                out.append("    ").append(line).append('\n');
            }
        }
        return out.toString();
    }

    private String html(String title, Instant exportedAt, List<ChatMessage> messages) {
        String safeTitle = SafeText.htmlEscape(oneLine(title));
        StringBuilder out = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
                <meta name="generator" content="TrayTalk">
                <title>""").append(safeTitle).append("""
                </title>
                <style>
                body { font: 15px/1.45 system-ui, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #222; }
                h1 { font-size: 1.4em; margin-bottom: .2em; }
                .summary, .head time, .mark { color: #6b7280; }
                .message { margin: 1.1em 0; }
                .head { font-size: .9em; }
                .who { font-weight: 600; }
                .out .who { color: #1479c9; }
                .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .15em 0 0; }
                </style>
                </head>
                <body>
                <h1>""").append(safeTitle).append("</h1>\n<p class=\"summary\">")
                .append(SafeText.htmlEscape(summary(exportedAt, messages))).append("</p>\n");
        for (ChatMessage m : messages) {
            out.append("<div class=\"message ").append(m.direction() == Direction.OUTBOUND ? "out" : "in")
                    .append("\">\n<div class=\"head\"><span class=\"who\">").append(SafeText.htmlEscape(oneLine(who(m))))
                    .append("</span> <time datetime=\"").append(m.createdAt()).append("\">")
                    .append(time(m.createdAt())).append("</time>");
            mark(m).ifPresent(mark -> out.append(" <span class=\"mark\">").append(mark).append("</span>"));
            out.append("</div>\n<p class=\"text\">").append(SafeText.htmlEscape(SafeText.sanitize(m.body())))
                    .append("</p>\n</div>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private String summary(Instant exportedAt, List<ChatMessage> messages) {
        return "Exported from TrayTalk on " + time(exportedAt) + "; " + messages.size()
                + (messages.size() == 1 ? " message" : " messages") + ", oldest first.";
    }

    private String time(Instant at) {
        return DAY_TIME.format(at.atZone(zone));
    }

    /** "You" for what this node sent ("You to everyone" for a broadcast); the sender's name for what came in. */
    private static String who(ChatMessage m) {
        if (m.direction() == Direction.OUTBOUND) {
            return m.broadcast() ? "You to everyone" : "You";
        }
        return m.broadcast() ? m.peer() + " to everyone" : m.peer();
    }

    private static String oneLine(String text) {
        return SafeText.sanitize(text).replaceAll("\\s+", " ").strip();
    }

    /**
     * The delivery state of an outgoing message in words; for a received one, only that it is not verified (the
     * original program's carriers: anyone could have sent it under that name).
     */
    private static Optional<String> mark(ChatMessage m) {
        if (m.direction() == Direction.INBOUND) {
            return m.verified() ? Optional.empty() : Optional.of("not verified");
        }
        return Optional.of(switch (m.state()) {
            case QUEUED -> "queued";
            case SENT -> "sent";
            case DELIVERED -> "delivered";
            case SEEN -> "seen";
            case FAILED -> "not delivered";
            case RECEIVED -> "received";
        });
    }
}
