package org.traytalk.tray.window;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Direction;
import org.traytalk.tray.model.PlainText;

/** Draws a conversation: avatar with presence dot, name, time of the last message and a one-line preview. */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
final class ConversationRenderer extends JPanel implements ListCellRenderer<Conversation> {
    static final int PREVIEW_CHARS = 60;

    private final TimeText times;
    private final JLabel avatar = new JLabel();
    private final JLabel name = new JLabel();
    private final JLabel time = new JLabel();
    private final JLabel preview = new JLabel();

    ConversationRenderer(TimeText times) {
        super(new BorderLayout(10, 0));
        this.times = times;
        setBorder(BorderFactory.createEmptyBorder(8, 10, 8, 10));
        JPanel top = new JPanel(new BorderLayout(8, 0));
        top.setOpaque(false);
        top.add(name, BorderLayout.CENTER);
        top.add(time, BorderLayout.EAST);
        JPanel text = new JPanel(new BorderLayout(0, 2));
        text.setOpaque(false);
        text.add(top, BorderLayout.NORTH);
        text.add(preview, BorderLayout.CENTER);
        add(avatar, BorderLayout.WEST);
        add(text, BorderLayout.CENTER);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends Conversation> list, Conversation c, int index,
                                                  boolean selected, boolean focused) {
        Font font = list.getFont();
        name.setFont(font.deriveFont(Font.BOLD));
        time.setFont(font.deriveFont(font.getSize2D() - 1f));
        preview.setFont(font.deriveFont(font.getSize2D() - 1f));
        name.setText(title(c));
        avatar.setIcon(new Avatar(c.everyone() ? "#" : c.name(), 36, c.everyone() ? null : c.online()));
        time.setText(c.latest() == null ? "" : times.brief(c.latest().createdAt()));
        preview.setText(preview(c));
        Color fg = selected ? list.getSelectionForeground() : list.getForeground();
        Color dim = selected ? fg : UIManager.getColor("Label.disabledForeground");
        setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        name.setForeground(fg);
        time.setForeground(dim);
        preview.setForeground(dim);
        return this;
    }

    static String title(Conversation c) {
        return c.everyone() ? "Everyone" : PlainText.label(c.name());
    }

    /** "You: …" for our own last message, "BOB: …" in Everyone, else the text; one line, clipped, never HTML. */
    static String preview(Conversation c) {
        ChatMessage m = c.latest();
        if (m == null) {
            return c.everyone() ? "Messages to and from everyone" : "No messages yet";
        }
        String who = m.direction() == Direction.OUTBOUND ? "You: " : c.everyone() ? PlainText.label(m.peer()) + ": " : "";
        String text = PlainText.clip(PlainText.line(m.body()), PREVIEW_CHARS, 1).text();
        return PlainText.notHtml(who + text);
    }
}
