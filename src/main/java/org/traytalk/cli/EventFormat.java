package org.traytalk.cli;

import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Peer;

/**
 * The {@code traytalk listen} line format: one event per line, fields separated by single spaces, the text
 * last; names and text escaped, since both come off the wire (docs/CONTROL.md). Stable: scripts and tests parse it.
 */
final class EventFormat {
    private EventFormat() {
    }

    static String peerOnline(Instant at, Peer p) {
        return at + " peer-online " + field(p.name()) + " " + field(p.address().toString());
    }

    static String peerOffline(Instant at, Peer p) {
        return at + " peer-offline " + field(p.name());
    }

    /** {@code message-received ID FROM TO TEXT}, TO being {@code *} for a broadcast. */
    static String received(Instant at, ChatMessage m, String localName) {
        return at + " message-received " + m.wireId() + " " + field(m.peer()) + " "
                + (m.broadcast() ? ChatMessage.EVERYONE : field(localName))
                + " " + TextEscape.oneLine(m.body());
    }

    /** {@code message-updated ID TO STATE [confirmed=A,B]}. */
    static String updated(Instant at, ChatMessage m) {
        String line = at + " message-updated " + m.wireId() + " " + field(m.peer()) + " "
                + state(m.state());
        if (m.broadcast()) {
            line += " confirmed=" + m.receipts().stream().filter(r -> r.state().isDelivered())
                    .map(r -> field(r.peer())).collect(Collectors.joining(","));
        }
        return line;
    }

    static String problem(Instant at, String text) {
        return at + " problem " + TextEscape.oneLine(text);
    }

    /** A name or address: escaped like text, and a space as \\u0020 so fields stay separated by single spaces. */
    static String field(String value) {
        return TextEscape.oneLine(value).replace(" ", "\\u0020").replace(",", "\\u002c");
    }

    static String state(DeliveryState s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
