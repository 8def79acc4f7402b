package org.traytalk.tray.desktop;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Image;
import java.awt.KeyboardFocusManager;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerException;
import org.traytalk.engine.SendSize;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.tray.model.PlainText;
import org.traytalk.tray.model.SendSizeText;
import org.traytalk.tray.model.VerifiedPeers;

/**
 * The compose window: recipient (online peers, Everyone, or a typed name), the text (Enter sends, Shift+Enter
 * starts a new line), a live byte counter and the delivery state of what was sent. One window: opening it again
 * brings it forward with the new recipient.
 */
final class ComposeWindow {
    private static final Logger LOG = LoggerFactory.getLogger(ComposeWindow.class);
    static final String EVERYONE_LABEL = "Everyone";

    private final Messenger messenger;
    private final Executor background;
    private final Predicate<String> unverified;
    private final JLabel trustNote = new JLabel(" ");
    private final JFrame frame = new JFrame("New message - TrayTalk");
    private final JComboBox<String> to = new JComboBox<>();
    private final JTextArea text = new JTextArea(6, 36);
    private final JLabel counter = new JLabel(" ");
    private final JLabel state = new JLabel(" ");
    private final JButton send = new JButton("Send");
    private final JButton conversations = new JButton("Conversations\u2026");
    private final Timer measureLater;
    private long lastSentRow = -1;
    private String lastSentTo = "";

    /**
     * @param unverified        whether a name is a peer that cannot be verified: marked "not verified" in the chooser
     * @param showConversations opens the conversations window (Conversations..., Alt+C): the way there from the
     *                          keyboard where the tray cannot be reached without a mouse (a second launch opens Compose)
     */
    ComposeWindow(Messenger messenger, Executor background, Predicate<String> unverified, List<? extends Image> icons,
                  Runnable showConversations) {
        this.messenger = messenger;
        this.background = background;
        this.unverified = unverified;
        conversations.setMnemonic(KeyEvent.VK_C);
        conversations.setToolTipText("All conversations (Alt+C)");
        conversations.addActionListener(e -> {
            LOG.info("Compose: conversations");
            showConversations.run();
        });
        frame.setName("traytalk-compose");
        frame.setIconImages(icons);
        frame.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
        measureLater = new Timer(150, e -> measure());
        measureLater.setRepeats(false);
        frame.setContentPane(content());
        frame.pack();
        frame.setMinimumSize(frame.getPreferredSize());
    }

    private JComponent content() {
        to.setEditable(true);
        to.setName("to");
        to.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                          boolean focus) {
                String name = String.valueOf(value);
                return super.getListCellRendererComponent(list, VerifiedPeers.label(name, unverified.test(name)),
                        index, selected, focus);
            }
        });
        to.addActionListener(e -> measureLater.restart());
        text.setName("text");
        forKeyboardAndScreenReaders(to, text);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                measureLater.restart();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                measureLater.restart();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                measureLater.restart();
            }
        });
        // Enter sends, Shift+Enter is a new line, Escape hides the window
        text.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "send");
        text.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, KeyEvent.SHIFT_DOWN_MASK), "insert-break");
        text.getActionMap().put("send", action(this::send));
        frame.getRootPane().registerKeyboardAction(e -> frame.setVisible(false),
                KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), JComponent.WHEN_IN_FOCUSED_WINDOW);
        send.addActionListener(e -> send());
        frame.getRootPane().setDefaultButton(null);
        counter.setForeground(UIManager.getColor("Label.disabledForeground"));

        JPanel top = new JPanel(new BorderLayout(8, 4));
        JLabel toLabel = new JLabel("To:");
        toLabel.setLabelFor(to);
        toLabel.setDisplayedMnemonic('T');
        top.add(toLabel, BorderLayout.WEST);
        top.add(to, BorderLayout.CENTER);
        trustNote.setForeground(Warnings.caution());
        top.add(trustNote, BorderLayout.SOUTH);
        JPanel info = new JPanel(new BorderLayout());
        JLabel keys = new JLabel("Enter sends \u00B7 Shift+Enter: new line \u00B7 Esc closes");
        keys.setForeground(UIManager.getColor("Label.disabledForeground"));
        info.add(keys, BorderLayout.NORTH);
        info.add(counter, BorderLayout.CENTER);
        info.add(state, BorderLayout.SOUTH);
        JPanel bottom = new JPanel(new BorderLayout(8, 0));
        bottom.add(info, BorderLayout.CENTER);
        JPanel sendBox = new JPanel(new BorderLayout());
        sendBox.add(send, BorderLayout.NORTH); // a normal-height button, not one stretched over the info lines
        sendBox.add(conversations, BorderLayout.SOUTH);
        bottom.add(sendBox, BorderLayout.EAST);
        JPanel root = new JPanel(new BorderLayout(0, 8));
        root.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        root.add(top, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(text);
        scroll.setPreferredSize(new Dimension(420, 150));
        root.add(scroll, BorderLayout.CENTER);
        root.add(bottom, BorderLayout.SOUTH);
        return root;
    }

    /**
     * Names the recipient's text field (the "To:" label names the combo box around it, while the keyboard and a screen
     * reader are in its editor) and the message box, and lets Tab leave the message box instead of typing a tab.
     */
    static void forKeyboardAndScreenReaders(JComboBox<String> to, JTextArea text) {
        to.getEditor().getEditorComponent().getAccessibleContext().setAccessibleName("To");
        text.getAccessibleContext().setAccessibleName("Message");
        text.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        text.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
    }

    /** Shows the window (or brings it forward) addressed to {@code recipient}, or keeping its choice if empty. */
    void open(Optional<String> recipient, List<String> onlinePeers) {
        String keep = recipient.map(r -> ChatMessage.EVERYONE.equals(r) ? EVERYONE_LABEL : r)
                .orElse(String.valueOf(to.getEditor().getItem()));
        DefaultComboBoxModel<String> items = new DefaultComboBoxModel<>();
        items.addElement(EVERYONE_LABEL);
        onlinePeers.forEach(items::addElement);
        to.setModel(items);
        to.setSelectedItem(keep.isBlank() || "null".equals(keep) ? (onlinePeers.isEmpty() ? EVERYONE_LABEL
                : onlinePeers.get(0)) : keep);
        if (!frame.isVisible()) {
            frame.setLocationRelativeTo(null);
        }
        frame.setVisible(true);
        frame.setState(JFrame.NORMAL);
        frame.toFront();
        text.requestFocusInWindow();
        measureLater.restart();
        LOG.info("Compose opened for {}", recipient());
    }

    /** The recipient as the messenger takes it: a name, or * for Everyone. */
    String recipient() {
        Object item = to.isEditable() ? to.getEditor().getItem() : to.getSelectedItem();
        String name = item == null ? "" : item.toString().strip();
        return EVERYONE_LABEL.equalsIgnoreCase(name) ? ChatMessage.EVERYONE : name;
    }

    private void send() {
        String recipient = recipient();
        String body = text.getText();
        if (body.isBlank()) {
            return;
        }
        send.setEnabled(false);
        state.setText("Sending\u2026");
        background.execute(() -> {
            try {
                ChatMessage sent = messenger.send(recipient, body);
                SwingUtilities.invokeLater(() -> sent(sent, recipient));
            } catch (MessengerException | RuntimeException e) {
                SwingUtilities.invokeLater(() -> refused(e.getMessage()));
            }
        });
    }

    private void sent(ChatMessage message, String recipient) {
        lastSentRow = message.rowId();
        lastSentTo = recipient;
        text.setText("");
        send.setEnabled(true);
        showState(message.state());
        LOG.info("Compose sent to {}: {}", recipient, message.state());
    }

    private void refused(String why) {
        send.setEnabled(true);
        state.setForeground(errorColor());
        state.setText(PlainText.notHtml("\u26A0 " + PlainText.line(String.valueOf(why))));
    }

    /** A state change of some outbound message: shown when it is the one sent last from here. */
    void messageUpdated(ChatMessage m) {
        if (m.rowId() == lastSentRow) {
            showState(m.state());
        }
    }

    private void showState(DeliveryState s) {
        String who = ChatMessage.EVERYONE.equals(lastSentTo) ? "everyone" : PlainText.label(lastSentTo);
        state.setForeground(s == DeliveryState.FAILED ? errorColor() : UIManager.getColor("Label.foreground"));
        state.setText(PlainText.notHtml(switch (s) {
            case QUEUED -> "\u25F7 Saved: goes to " + who + " when they are online";
            case SENT -> "\u2713 Sent to " + who + ", waiting for the receipt";
            case DELIVERED -> "\u2713\u2713 Delivered to " + who;
            case SEEN -> "\u2713\u2713 Seen by " + who;
            case FAILED -> "\u26A0 Not delivered to " + who;
            case RECEIVED -> " ";
        }));
    }

    /** Under the recipient: whether it is a peer that cannot be verified. */
    private void showTrust(String recipient) {
        boolean marked = !ChatMessage.EVERYONE.equals(recipient) && unverified.test(recipient);
        String name = PlainText.label(recipient);
        trustNote.setText(marked ? PlainText.notHtml("\u26A0 " + name + " is " + VerifiedPeers.NOT_VERIFIED
                + ": anyone on the network could read this or answer as " + name) : " ");
    }

    private void measure() {
        String recipient = recipient();
        showTrust(recipient);
        String body = text.getText();
        background.execute(() -> {
            SendSize size = messenger.measure(recipient, body);
            SwingUtilities.invokeLater(() -> showSize(size));
        });
    }

    void showSize(SendSize size) {
        counter.setText(SendSizeText.of(size));
        counter.setForeground(size.tooLong() ? errorColor() : UIManager.getColor("Label.disabledForeground"));
        send.setEnabled(!size.tooLong());
    }

    boolean isShowing() {
        return frame.isShowing();
    }

    JFrame frame() {
        return frame;
    }

    void close() {
        measureLater.stop();
        frame.dispose();
    }

    private static Color errorColor() {
        Color c = UIManager.getColor("Component.error.focusedBorderColor");
        return c == null ? new Color(0xC62828) : c;
    }

    private static AbstractAction action(Runnable r) {
        return new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        };
    }
}
