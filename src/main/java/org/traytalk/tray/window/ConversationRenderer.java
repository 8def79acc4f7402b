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
import org.traytalk.model.Conversation;
import org.traytalk.model.Direction;
import org.traytalk.model.Status;
import org.traytalk.tray.desktop.Warnings;
import org.traytalk.tray.model.ConversationsModel;
import org.traytalk.tray.model.PeerStatuses;
import org.traytalk.tray.model.PlainText;
import org.traytalk.tray.model.VerifiedPeers;

/**
 * Draws a conversation: avatar with presence dot (online, away, offline), name with the peer's status line beside it
 * (or "not verified" for a peer that cannot be), time of the last message, a one-line preview (or the warning that the peer's key changed) and, when some is unread,
 * the count in a badge (and the name in bold).
 */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
final class ConversationRenderer extends JPanel implements ListCellRenderer<Conversation> {
    static final int PREVIEW_CHARS = 60;

    private final TimeText times;
    private final ConversationsModel model;
    private final JLabel avatar = new JLabel();
    private final JLabel name = new JLabel();
    private final JLabel tag = new JLabel(VerifiedPeers.NOT_VERIFIED);
    private final JLabel line = new JLabel();
    private final JLabel time = new JLabel();
    private final JLabel preview = new JLabel();
    private final JLabel badge = new UnreadBadge();

    ConversationRenderer(TimeText times, ConversationsModel model) {
        super(new BorderLayout(10, 0));
        this.times = times;
        this.model = model;
        setBorder(BorderFactory.createEmptyBorder(8, 10, 8, 10));
        JPanel who = new JPanel(new BorderLayout(6, 0));
        who.setOpaque(false);
        who.add(name, BorderLayout.WEST);
        JPanel besideName = new JPanel(new BorderLayout(6, 0));
        besideName.setOpaque(false);
        besideName.add(tag, BorderLayout.WEST);
        besideName.add(line, BorderLayout.CENTER);
        who.add(besideName, BorderLayout.CENTER);
        JPanel top = new JPanel(new BorderLayout(8, 0));
        top.setOpaque(false);
        top.add(who, BorderLayout.CENTER);
        top.add(time, BorderLayout.EAST);
        JPanel text = new JPanel(new BorderLayout(0, 2));
        text.setOpaque(false);
        text.add(top, BorderLayout.NORTH);
        JPanel bottom = new JPanel(new BorderLayout(8, 0));
        bottom.setOpaque(false);
        bottom.add(preview, BorderLayout.CENTER);
        bottom.add(badge, BorderLayout.EAST);
        text.add(bottom, BorderLayout.CENTER);
        add(avatar, BorderLayout.WEST);
        add(text, BorderLayout.CENTER);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends Conversation> list, Conversation c, int index,
                                                  boolean selected, boolean focused) {
        Font font = list.getFont();
        boolean unread = c.unread() > 0;
        name.setFont(font.deriveFont(Font.BOLD));
        time.setFont(font.deriveFont(unread ? Font.BOLD : Font.PLAIN, font.getSize2D() - 1f));
        preview.setFont(font.deriveFont(font.getSize2D() - 1f));
        tag.setFont(font.deriveFont(font.getSize2D() - 2f));
        line.setFont(font.deriveFont(font.getSize2D() - 1f));
        boolean unverified = model.unverified(c);
        boolean keyChanged = model.keyChange(c).isPresent();
        Status status = model.status(c);
        name.setText(title(c));
        tag.setVisible(unverified);
        line.setText(PlainText.notHtml(PeerStatuses.line(status)));
        badge.setText(unread ? (c.unread() > 99 ? "99+" : String.valueOf(c.unread())) : "");
        badge.setVisible(unread);
        avatar.setIcon(new Avatar(c.everyone() ? "#" : c.name(), 36, c.everyone() ? null
                : !c.online() ? Avatar.OFFLINE : status.away() ? Avatar.AWAY : Avatar.ONLINE));
        time.setText(c.latest() == null ? "" : times.brief(c.latest().createdAt()));
        preview.setText(keyChanged ? KEY_CHANGED : preview(c));
        Color fg = selected ? list.getSelectionForeground() : list.getForeground();
        Color dim = selected ? fg : UIManager.getColor("Label.disabledForeground");
        setBackground(selected ? list.getSelectionBackground() : list.getBackground());
        name.setForeground(fg);
        tag.setForeground(selected ? fg : Warnings.caution());
        line.setForeground(dim);
        time.setForeground(unread && !selected ? UnreadBadge.COLOR : dim);
        preview.setForeground(keyChanged && !selected ? Warnings.danger() : unread ? fg : dim);
        getAccessibleContext().setAccessibleName(accessibleName(c, status, unverified, keyChanged));
        return this;
    }

    /** The preview line of a conversation whose peer's key changed. */
    static final String KEY_CHANGED = "\u26A0 Key changed: someone may be posing as them";

    static String title(Conversation c) {
        return ConversationsModel.title(c);
    }

    /**
     * What a screen reader says for the entry, e.g. "Bob, online, not verified, 2 unread" or "Bob, away, at lunch, 2
     * unread".
     */
    static String accessibleName(Conversation c, Status status, boolean unverified, boolean keyChanged) {
        String line = PeerStatuses.line(status);
        String presence = c.everyone() ? "" : !c.online() ? ", offline" : status.away() ? ", away" : ", online";
        return title(c) + presence + (line.isEmpty() ? "" : ", " + line)
                + (unverified ? ", " + VerifiedPeers.NOT_VERIFIED : "")
                + (keyChanged ? ", key changed" : "") + (c.unread() > 0 ? ", " + c.unread() + " unread" : "");
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
