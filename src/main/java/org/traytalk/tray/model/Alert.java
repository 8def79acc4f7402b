package org.traytalk.tray.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One pop-up as it should look now. Every string except {@code peer} is sanitized plain text that Swing will
 * not take for HTML.
 *
 * @param id       stable while the pop-up is visible; pass it back to hover, reply and dismiss
 * @param kind     a single message, a collapsed flood, or the summary after do-not-disturb
 * @param peer     the sender's name as the network sent it, for actions (reply, open conversation); never display
 *                 it. Empty for a summary covering several senders
 * @param sender   the sender's name for display ("" when several)
 * @param title    e.g. "BOB", "4 new messages from BOB", "5 messages while you were away"
 * @param time     when the latest message it covers arrived
 * @param preview  the latest text (or who wrote, for a summary), clipped, with break opportunities in long words
 * @param clipped  whether the preview lost text; then offer to show {@code fullText}
 * @param fullText the whole latest text, sanitized, without inserted breaks (show it in a wrapping JTextArea);
 *                 like every text here it never starts with '<' (see {@link PlainText#notHtml})
 * @param count    how many messages it stands for
 * @param reply    the quick reply sent from it, if any
 * @param conversation the {@link org.traytalk.model.Conversation#key} of the latest message it covers: what "Open"
 *                 shows and what reading it marks read
 * @param messageRow the store row of the latest message it covers (0 for a key change)
 * @param warning  a line to show in the warning colour, "" when there is none: that a message's sender cannot be
 *                 verified (policy WARN), or that someone may be posing as the peer whose key changed
 */
public record Alert(long id, Kind kind, Optional<String> peer, String sender, String title, Instant time,
                    String preview, boolean clipped, String fullText, int count, Optional<QuickReply> reply, String conversation,
                    long messageRow, String warning) {

    /** A single message, a collapsed flood, the summary after do-not-disturb, or a peer's changed key. */
    public enum Kind { MESSAGE, FLOOD, AWAY, KEY_CHANGE }

    /** A key change is reviewed, never answered: the name may not be who it claims. */
    public boolean canReply() {
        return peer.isPresent() && kind != Kind.KEY_CHANGE;
    }

    Alert withReply(QuickReply newReply) {
        return new Alert(id, kind, peer, sender, title, time, preview, clipped, fullText, count,
                Optional.of(newReply), conversation, messageRow, warning);
    }
}
