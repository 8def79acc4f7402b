package org.traytalk.tray.window;

import java.awt.Color;
import java.util.Optional;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.Receipt;
import org.traytalk.tray.model.PlainText;

/** The mark an outgoing message carries, with what it means in words for its tooltip. */
enum DeliveryMark {
    QUEUED("\u25F7", "Queued: waiting until the recipient is online", new Color(0x8A8F98)),
    SENT("\u2713", "Sent, not confirmed yet", new Color(0x8A8F98)),
    DELIVERED("\u2713\u2713", "Delivered", new Color(0x2E7D32)),
    SEEN("\u2713\u2713", "Seen: shown to the recipient", new Color(0x1479C9)),
    FAILED("\u26A0", "Not delivered: no confirmation in time", new Color(0xC62828));

    private final String symbol;
    private final String words;
    private final Color color;

    DeliveryMark(String symbol, String words, Color color) {
        this.symbol = symbol;
        this.words = words;
        this.color = color;
    }

    String symbol() {
        return symbol;
    }

    String words() {
        return words;
    }

    Color color() {
        return color;
    }

    /** Empty for inbound messages, which carry no mark. */
    static Optional<DeliveryMark> of(ChatMessage m) {
        if (m.direction() != Direction.OUTBOUND) {
            return Optional.empty();
        }
        return Optional.of(switch (m.state()) {
            case QUEUED -> QUEUED;
            case SENT, RECEIVED -> SENT;
            case DELIVERED -> DELIVERED;
            case SEEN -> SEEN;
            case FAILED -> FAILED;
        });
    }

    /** The tooltip: the words, and for a broadcast how many of its recipients confirmed (never HTML). */
    static String tooltip(ChatMessage m) {
        String words = of(m).map(DeliveryMark::words).orElse("");
        if (!m.broadcast() || m.receipts().isEmpty()) {
            return words;
        }
        long confirmed = m.receipts().stream().filter(r -> r.state().isDelivered()).count();
        StringBuilder text = new StringBuilder(words).append(" (confirmed by ").append(confirmed)
                .append(" of ").append(m.receipts().size());
        String waiting = m.receipts().stream().filter(r -> !r.state().isDelivered()).limit(5)
                .map(Receipt::peer).map(PlainText::label).reduce((a, b) -> a + ", " + b).orElse("");
        if (!waiting.isEmpty()) {
            text.append("; waiting for ").append(waiting);
        }
        return PlainText.notHtml(text.append(')').toString());
    }
}
