package org.traytalk.platform.notify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The line protocol between TrayTalk and its toast host, ASCII only. To the host: {@code show KEY XML} (the toast
 * XML in base64 of its UTF-8) and {@code withdraw KEY}. From the host: {@code ready} once it can show toasts,
 * {@code error TEXT} when it cannot (then it ends), {@code clicked KEY}, {@code problem TEXT}. A key is the
 * notice's key in hexadecimal: it is the toast's tag, which Windows limits to 16 characters before version 1703.
 * Pure.
 */
final class ToastHostLines {
    /** What the host said. */
    record Event(Kind kind, long key, String text) {
        enum Kind { READY, ERROR, CLICKED, PROBLEM }
    }

    private ToastHostLines() {
    }

    static String show(long key, String toastXml) {
        return "show " + tag(key) + " " + Base64.getEncoder().encodeToString(toastXml.getBytes(StandardCharsets.UTF_8));
    }

    static String withdraw(long key) {
        return "withdraw " + tag(key);
    }

    /** The toast's tag for a notice key: at most 16 hexadecimal digits. */
    static String tag(long key) {
        return Long.toHexString(key);
    }

    /** A host line; empty for a line this version does not know (or a malformed one), which is ignored. */
    static Optional<Event> parse(String line) {
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        String word = space < 0 ? trimmed : trimmed.substring(0, space);
        String rest = space < 0 ? "" : trimmed.substring(space + 1).strip();
        switch (word) {
            case "ready":
                return Optional.of(new Event(Event.Kind.READY, 0, ""));
            case "error":
                return Optional.of(new Event(Event.Kind.ERROR, 0, rest));
            case "problem":
                return Optional.of(new Event(Event.Kind.PROBLEM, 0, rest));
            case "clicked":
                if (!rest.matches("[0-9a-f]{1,16}")) {
                    return Optional.empty();
                }
                return Optional.of(new Event(Event.Kind.CLICKED, Long.parseUnsignedLong(rest, 16), ""));
            default:
                return Optional.empty();
        }
    }
}
