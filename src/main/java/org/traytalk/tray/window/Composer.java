package org.traytalk.tray.window;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.KeyboardFocusManager;
import java.awt.RenderingHints;
import java.awt.event.KeyEvent;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.Timer;
import javax.swing.UIManager;
import org.traytalk.engine.SendSize;
import org.traytalk.model.Conversation;
import org.traytalk.tray.model.ConversationsModel;
import org.traytalk.tray.model.PlainText;
import org.traytalk.tray.model.SendSizeText;

/**
 * The box under the open conversation: Enter sends, Shift+Enter starts a new line; below it the byte counter
 * (with the warning when a legacy peer gets the text in parts) and why a send was refused. Long pasted text and
 * emoji go in as they are; what was sent shows in the conversation above with its delivery mark.
 */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
final class Composer extends JPanel {
    private final ConversationsModel model;
    private final JTextArea text = new JTextArea(3, 30) {
        @Override
        protected void paintComponent(Graphics g) {
            super.paintComponent(g);
            if (getDocument().getLength() == 0 && !placeholder.isEmpty()) {
                // a text area has no placeholder of its own: draw it where the first line starts
                Graphics2D g2 = (Graphics2D) g.create();
                try {
                    g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                    g2.setColor(UIManager.getColor("TextField.placeholderForeground"));
                    g2.setFont(getFont());
                    Insets in = getInsets();
                    g2.drawString(placeholder, in.left, in.top + g2.getFontMetrics().getAscent());
                } finally {
                    g2.dispose();
                }
            }
        }
    };
    private String placeholder = "";
    private final JLabel counter = new JLabel(" ");
    private final JLabel hint = new JLabel("Enter sends \u00B7 Shift+Enter: new line");
    private final JButton send = new JButton("Send");
    private final Timer measureLater;
    private boolean tooLong;
    private String lastSent = "";

    Composer(ConversationsModel model) {
        super(new BorderLayout(8, 6));
        this.model = model;
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(10, 16, 10, 12)));
        measureLater = new Timer(150, e -> model.measure(text.getText()));
        measureLater.setRepeats(false);
        text.setName("composer");
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.getDocument().addDocumentListener(new Edits(measureLater::restart));
        text.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "send");
        text.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, KeyEvent.SHIFT_DOWN_MASK), "insert-break");
        text.getActionMap().put("send", ConversationsPanel.action(this::send));
        // Tab leaves the box (to Send) instead of typing a tab, so the keyboard can walk the window
        text.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        text.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        send.addActionListener(e -> send());
        send.setMnemonic(KeyEvent.VK_S);
        send.getAccessibleContext().setAccessibleName("Send");
        Color dim = UIManager.getColor("Label.disabledForeground");
        counter.setForeground(dim);
        hint.setForeground(dim);
        JScrollPane scroll = new JScrollPane(text, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        JPanel sendBox = new JPanel(new BorderLayout());
        sendBox.setOpaque(false);
        sendBox.add(send, BorderLayout.SOUTH); // a normal-height button at the bottom, next to the text's last line
        JPanel info = new JPanel(new BorderLayout(12, 0));
        info.setOpaque(false);
        info.add(hint, BorderLayout.WEST);
        info.add(counter, BorderLayout.EAST);
        add(scroll, BorderLayout.CENTER);
        add(sendBox, BorderLayout.EAST);
        add(info, BorderLayout.SOUTH);
        showRecipient(Optional.empty());
    }

    /** Who the text goes to; with no conversation open (search results) nothing can be sent. */
    void showRecipient(Optional<Conversation> to) {
        String who = to.map(ConversationsModel::title).orElse("");
        text.setEnabled(to.isPresent());
        send.setEnabled(to.isPresent() && !tooLong);
        placeholder = to.isPresent() ? "Message to " + who : "";
        text.repaint();
        text.getAccessibleContext().setAccessibleName(to.isPresent() ? "Message to " + who : "Message");
        measureLater.restart();
    }

    void focus() {
        text.requestFocusInWindow();
    }

    /** These keys do what {@code owner} binds them to (its ancestor bindings) instead of moving in the text. */
    void passKeysTo(JComponent owner, String... strokes) {
        for (String stroke : strokes) {
            KeyStroke key = KeyStroke.getKeyStroke(stroke);
            Object name = owner.getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).get(key);
            text.getInputMap().put(key, name);
            text.getActionMap().put(name, owner.getActionMap().get(name));
        }
    }

    private void send() {
        String body = text.getText();
        if (body.isBlank() || tooLong || !text.isEnabled()) {
            return;
        }
        text.setText(""); // what was sent shows in the conversation; a refusal puts the text back
        lastSent = body;
        model.send(body);
    }

    void settled(Optional<String> refusal) {
        refusal.ifPresentOrElse(why -> {
            if (text.getText().isEmpty()) {
                text.setText(lastSent);
            }
            counter.setForeground(errorColor());
            counter.setText(PlainText.notHtml("\u26A0 " + why));
        }, () -> measureLater.restart());
    }

    void showSize(SendSize size) {
        tooLong = size.tooLong();
        counter.setText(size.bytes() == 0 ? " " : SendSizeText.of(size));
        counter.setForeground(tooLong || size.parts() > 1 ? errorColor() : UIManager.getColor("Label.disabledForeground"));
        send.setEnabled(text.isEnabled() && !tooLong);
    }

    void stop() {
        measureLater.stop();
    }

    JTextArea textArea() {
        return text;
    }

    JLabel counter() {
        return counter;
    }

    JButton sendButton() {
        return send;
    }

    private static Color errorColor() {
        Color c = UIManager.getColor("Component.error.focusedBorderColor");
        return c == null ? new Color(0xC62828) : c;
    }
}
