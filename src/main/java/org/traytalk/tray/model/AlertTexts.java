package org.traytalk.tray.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.KeyChange;

/** Builds what each kind of pop-up says. */
final class AlertTexts {
    /** The line under a pop-up from a peer that cannot be verified, when the policy is WARN. */
    static final String UNVERIFIED_WARNING = "Not verified: anyone on the network could have sent this";
    static final String SOME_UNVERIFIED_WARNING = "Some are not verified: anyone on the network could have sent them";

    private AlertTexts() {
    }

    static Alert message(long id, ChatMessage m, AlertOptions options) {
        String sender = PlainText.label(m.peer());
        return fromText(id, Alert.Kind.MESSAGE, Optional.of(m.peer()), sender, from(m), m, 1, m.body(),
                warning(m, options), options);
    }

    static Alert flood(long id, ChatMessage latest, int count, AlertOptions options) {
        String sender = PlainText.label(latest.peer());
        String title = count + " new messages from " + from(latest);
        return fromText(id, Alert.Kind.FLOOD, Optional.of(latest.peer()), sender, title, latest, count,
                latest.body(), warning(latest, options), options);
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
                    messages + " from " + from(latest) + " while you were away", latest, total, latest.body(),
                    warning(latest, options), options);
        }
        String who = entries.stream().map(e -> from(e.latest()) + " (" + e.count() + ")")
                .collect(Collectors.joining(", "));
        boolean someUnverified = entries.stream().anyMatch(e -> !e.latest().verified());
        return fromText(id, Alert.Kind.AWAY, Optional.empty(), "", messages + " while you were away", latest,
                total, who, someUnverified && options.warnUnverified() ? SOME_UNVERIFIED_WARNING : "", options);
    }

    /** A peer's key changed: who, that someone may be posing as them, and how many messages wait. */
    static Alert keyChange(long id, KeyChange c) {
        String text = PlainText.notHtml(KeyChangeReview.alertText(c));
        return new Alert(id, Alert.Kind.KEY_CHANGE, Optional.of(c.name()), PlainText.label(c.name()),
                KeyChangeReview.title(c), c.lastSeen(), text, false, text, c.held(), Optional.empty(),
                Conversation.keyOf(c.name()), 0, KeyChangeReview.warning(c));
    }

    /** The sender as the pop-up names them: "CAROL (not verified)" when the message cannot be verified. */
    private static String from(ChatMessage m) {
        return VerifiedPeers.label(m.peer(), !m.verified());
    }

    private static String warning(ChatMessage m, AlertOptions options) {
        return !m.verified() && options.warnUnverified() ? UNVERIFIED_WARNING : "";
    }

    private static Alert fromText(long id, Alert.Kind kind, Optional<String> peer, String sender, String title,
                                  ChatMessage latest, int count, String text, String warning, AlertOptions options) {
        String full = PlainText.sanitize(text);
        PlainText.Clipped preview = PlainText.clip(full, options.previewChars(), options.previewLines());
        return new Alert(id, kind, peer, sender, title, latest.createdAt(),
                PlainText.notHtml(PlainText.withBreaks(preview.text(), PlainText.WORD_RUN)), preview.clipped(),
                PlainText.notHtml(full), count, Optional.empty(), Conversation.keyOf(latest), latest.rowId(), warning);
    }
}
