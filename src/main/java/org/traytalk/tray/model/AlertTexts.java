package org.traytalk.tray.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;

/** Builds what each kind of pop-up says. */
final class AlertTexts {
    private AlertTexts() {
    }

    static Alert message(long id, ChatMessage m, AlertOptions options) {
        String sender = PlainText.label(m.peer());
        return fromText(id, Alert.Kind.MESSAGE, Optional.of(m.peer()), sender, sender, m, 1, m.body(), options);
    }

    static Alert flood(long id, ChatMessage latest, int count, AlertOptions options) {
        String sender = PlainText.label(latest.peer());
        String title = count + " new messages from " + sender;
        return fromText(id, Alert.Kind.FLOOD, Optional.of(latest.peer()), sender, title, latest, count,
                latest.body(), options);
    }

    /** One summary; it names the sender (and can be replied to) when only one wrote. */
    static Alert away(long id, List<AwayLog.Entry> entries, AlertOptions options) {
        int total = entries.stream().mapToInt(AwayLog.Entry::count).sum();
        ChatMessage latest = entries.stream().map(AwayLog.Entry::latest)
                .max((a, b) -> a.createdAt().compareTo(b.createdAt())).orElseThrow();
        String messages = total == 1 ? "1 message" : total + " messages";
        if (entries.size() == 1) {
            String sender = PlainText.label(latest.peer());
            return fromText(id, Alert.Kind.AWAY, Optional.of(latest.peer()), sender,
                    messages + " from " + sender + " while you were away", latest, total, latest.body(), options);
        }
        String who = entries.stream().map(e -> PlainText.label(e.name()) + " (" + e.count() + ")")
                .collect(Collectors.joining(", "));
        return fromText(id, Alert.Kind.AWAY, Optional.empty(), "", messages + " while you were away", latest,
                total, who, options);
    }

    private static Alert fromText(long id, Alert.Kind kind, Optional<String> peer, String sender, String title,
                                  ChatMessage latest, int count, String text, AlertOptions options) {
        String full = PlainText.sanitize(text);
        PlainText.Clipped preview = PlainText.clip(full, options.previewChars(), options.previewLines());
        return new Alert(id, kind, peer, sender, title, latest.createdAt(),
                PlainText.notHtml(PlainText.withBreaks(preview.text(), PlainText.WORD_RUN)), preview.clipped(),
                PlainText.notHtml(full), count, Optional.empty(), Conversation.keyOf(latest), latest.rowId());
    }
}
