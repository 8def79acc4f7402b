package org.traytalk.tray.window;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.KeyboardFocusManager;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Direction;
import org.traytalk.tray.desktop.Warnings;
import org.traytalk.tray.model.PlainText;
import org.traytalk.tray.model.VerifiedPeers;

/**
 * One message: avatar, who wrote it ("not verified" when the original program's carrier brought it), when, its
 * delivery mark, and the text in a read-only wrapping text area
 * (plain text: never rendered as HTML; a word longer than the line is broken between characters).
 */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
final class MessageRow extends JPanel {
    private final TimeText times;
    private final JLabel sender = new JLabel();
    private final JLabel time = new JLabel();
    private final JLabel mark = new JLabel();
    private final JTextArea body = new JTextArea();
    private final boolean withConversation;
    private ChatMessage message;

    /** @param withConversation name the conversation too ("You → BOB"), for search results */
    MessageRow(ChatMessage m, boolean withConversation, TimeText times) {
        super(new BorderLayout(12, 0));
        this.times = times;
        this.message = m;
        this.withConversation = withConversation;
        setOpaque(false);
        setBorder(BorderFactory.createEmptyBorder(8, 16, 8, 16));
        Font font = UIManager.getFont("Label.font");
        sender.setFont(font.deriveFont(Font.BOLD));
        sender.setText(senderText(m, withConversation));
        if (m.direction() == Direction.INBOUND && !m.verified()) {
            sender.setForeground(Warnings.caution());
            sender.setToolTipText("The original program's carriers cannot prove who sent this");
        }
        time.setFont(font.deriveFont(font.getSize2D() - 1f));
        time.setForeground(UIManager.getColor("Label.disabledForeground"));
        time.setText(times.stamp(m.createdAt()));
        time.setToolTipText(times.full(m.createdAt()));
        JPanel header = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        header.setOpaque(false);
        header.add(sender);
        header.add(Box.createHorizontalStrut(8));
        header.add(time);
        header.add(Box.createHorizontalStrut(8));
        header.add(mark);
        body.setEditable(false);
        body.setLineWrap(true);
        body.setWrapStyleWord(true);
        body.setOpaque(false);
        body.setBorder(BorderFactory.createEmptyBorder(2, 0, 0, 0));
        body.setFont(font);
        body.setText(PlainText.sanitize(m.body()));
        // Tab leaves the text (which keeps the keyboard for selecting and copying) instead of being swallowed by it
        body.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        body.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        JPanel text = new JPanel(new BorderLayout());
        text.setOpaque(false);
        text.add(header, BorderLayout.NORTH);
        text.add(body, BorderLayout.CENTER);
        JLabel avatar = new JLabel(new Avatar(m.direction() == Direction.OUTBOUND ? "You" : m.peer(), 32, null));
        avatar.setVerticalAlignment(JLabel.TOP);
        add(avatar, BorderLayout.WEST);
        add(text, BorderLayout.CENTER);
        showMark();
    }

    ChatMessage message() {
        return message;
    }

    /** A newer state of the same message. */
    void update(ChatMessage m) {
        message = m;
        showMark();
    }

    private void showMark() {
        body.getAccessibleContext().setAccessibleName(spokenName(message, withConversation, times));
        DeliveryMark.of(message).ifPresentOrElse(d -> {
            mark.setText(d.symbol());
            mark.setForeground(d.color());
            mark.setToolTipText(DeliveryMark.tooltip(message));
        }, () -> {
            mark.setText("");
            mark.setToolTipText(null);
        });
    }

    /** What a screen reader says before the text: "You, Mon 8 Dec 2026 09:21, Delivered" or "BOB, Mon 8 Dec ...". */
    static String spokenName(ChatMessage m, boolean withConversation, TimeText times) {
        return senderText(m, withConversation) + ", " + times.full(m.createdAt())
                + DeliveryMark.of(m).map(d -> ", " + d.words()).orElse("");
    }

    static String senderText(ChatMessage m, boolean withConversation) {
        boolean out = m.direction() == Direction.OUTBOUND;
        String who = out ? "You" : VerifiedPeers.label(m.peer(), !m.verified());
        if (!withConversation && !(m.broadcast() && out)) {
            return who;
        }
        String to = m.broadcast() ? "Everyone" : out ? PlainText.label(m.peer()) : "You";
        return who + " \u2192 " + to;
    }

    JTextArea body() {
        return body;
    }

    JLabel mark() {
        return mark;
    }
}
