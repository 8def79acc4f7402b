package org.traytalk.tray.desktop;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Frame;
import java.awt.Image;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import java.awt.MouseInfo;
import java.awt.PointerInfo;
import javax.swing.UIManager;
import org.traytalk.tray.model.Alert;
import org.traytalk.tray.model.PlainText;
import org.traytalk.tray.model.QuickReply;

/**
 * One pop-up: sender, time, a warning line when there is one (a sender that cannot be verified, a changed key),
 * the text (clipped, with "Show all"), a reply field (Enter sends) and the reply's delivery state; a changed key's
 * pop-up has Review... instead of the reply. It never takes the keyboard when it appears; a click on it does.
 * Every text shown comes from the {@link Alert}, which holds plain text only.
 */
final class PopupWindow {
    static final int WIDTH = 360;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** What the pop-up asks of its owner. */
    interface Callbacks {
        void reply(long alertId, String text);

        void open(Alert alert);

        void dismiss(long alertId);

        void hover(long alertId, boolean inside);

        void resized();
    }

    private final JDialog dialog = new JDialog((Frame) null);
    private final Callbacks callbacks;
    private final ZoneId zone;
    private final JLabel title = new JLabel();
    private final JLabel time = new JLabel();
    private final JTextArea warning = ReadOnlyText.area();
    private final JButton open = link("Open");
    private final JTextArea text = ReadOnlyText.area(); // not focusable: the keyboard belongs to the reply field
    private final JScrollPane textScroll = new JScrollPane(text);
    private final JButton showAll = link("Show all");
    private final JTextField replyField = new JTextField();
    private final JLabel replyState = new JLabel(" ");
    private Alert alert;
    private boolean expanded;
    private boolean pointerInside;

    PopupWindow(Alert alert, Callbacks callbacks, ZoneId zone, Image icon) {
        this.alert = alert;
        this.callbacks = callbacks;
        this.zone = zone;
        dialog.setUndecorated(true);
        dialog.setType(Window.Type.UTILITY);
        dialog.setAlwaysOnTop(true);
        dialog.setAutoRequestFocus(false); // appearing must not take the keyboard from what the user is typing in
        dialog.setName("traytalk-popup");
        dialog.setContentPane(content(icon));
        dialog.addWindowFocusListener(new WindowAdapter() {
            @Override
            public void windowGainedFocus(WindowEvent e) {
                if (alert().canReply()) {
                    replyField.requestFocusInWindow();
                }
            }
        });
        update(alert);
    }

    private JComponent content(Image icon) {
        JPanel root = new JPanel(new BorderLayout(0, 6));
        Color line = UIManager.getColor("Component.borderColor");
        root.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createLineBorder(line == null ? Color.GRAY : line),
                BorderFactory.createEmptyBorder(10, 12, 10, 10)));
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 1f));
        title.setIcon(new ImageIcon(icon.getScaledInstance(20, 20, Image.SCALE_SMOOTH)));
        title.setIconTextGap(8);
        time.setForeground(UIManager.getColor("Label.disabledForeground"));
        JButton close = flat("\u2715", "Close (Esc)");
        close.getAccessibleContext().setAccessibleName("Close");
        close.addActionListener(e -> callbacks.dismiss(alert.id()));
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        right.setOpaque(false);
        right.add(time);
        right.add(close);
        JPanel header = new JPanel(new BorderLayout());
        header.setOpaque(false);
        header.add(title, BorderLayout.CENTER);
        header.add(right, BorderLayout.EAST);

        textScroll.setBorder(BorderFactory.createEmptyBorder());
        textScroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        showAll.addActionListener(e -> {
            expanded = true;
            update(alert);
            callbacks.resized();
        });
        warning.setName("warning");
        warning.setFont(warning.getFont().deriveFont(Font.BOLD));
        JPanel body = new JPanel(new BorderLayout(0, 4));
        body.setOpaque(false);
        body.add(warning, BorderLayout.NORTH);
        body.add(textScroll, BorderLayout.CENTER);
        body.add(showAll, BorderLayout.SOUTH);

        replyField.setName("reply");
        replyField.addActionListener(e -> sendReply());
        open.addActionListener(e -> callbacks.open(alert));
        JPanel footer = new JPanel(new BorderLayout(8, 4));
        footer.setOpaque(false);
        footer.add(replyField, BorderLayout.NORTH);
        footer.add(replyState, BorderLayout.CENTER);
        footer.add(open, BorderLayout.EAST);

        root.add(header, BorderLayout.NORTH);
        root.add(body, BorderLayout.CENTER);
        root.add(footer, BorderLayout.SOUTH);
        MouseAdapter hover = new MouseAdapter() {
            @Override
            public void mouseEntered(MouseEvent e) {
                pointerMoved();
            }

            @Override
            public void mouseExited(MouseEvent e) {
                pointerMoved();
            }

            @Override
            public void mousePressed(MouseEvent e) {
                // a click anywhere on the pop-up means "answer": the reply field takes the keyboard
                if (alert.canReply() && e.getComponent() != replyField) {
                    replyField.requestFocus();
                }
            }
        };
        listenEverywhere(root, hover);
        // once a click gave it the keyboard: Esc closes it, Alt+O opens (Alt+R reviews), Alt+S shows all
        root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke("ESCAPE"), "dismiss");
        root.getActionMap().put("dismiss", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                callbacks.dismiss(alert.id());
            }
        });
        showAll.setMnemonic(KeyEvent.VK_S);
        return root;
    }

    /** Shows the alert's current version; what is being typed in the reply field stays. */
    void update(Alert newAlert) {
        this.alert = newAlert;
        dialog.setTitle("TrayTalk: " + newAlert.title());
        title.setText(newAlert.title());
        time.setText(TIME.format(newAlert.time().atZone(zone)));
        text.setText(expanded ? newAlert.fullText() : newAlert.preview());
        text.setCaretPosition(0);
        showAll.setVisible(newAlert.clipped() && !expanded);
        boolean keyChange = newAlert.kind() == Alert.Kind.KEY_CHANGE;
        warning.setText(newAlert.warning().isEmpty() ? "" : PlainText.notHtml("\u26A0 " + newAlert.warning()));
        warning.setForeground(keyChange ? Warnings.danger() : Warnings.caution());
        warning.setVisible(!newAlert.warning().isEmpty());
        open.setText(keyChange ? "Review\u2026" : "Open");
        open.setMnemonic(keyChange ? KeyEvent.VK_R : KeyEvent.VK_O);
        open.setToolTipText(keyChange ? "Compare the codes and decide (Alt+R)" : "Show the whole conversation (Alt+O)");
        replyField.setVisible(newAlert.canReply());
        replyField.putClientProperty("JTextField.placeholderText",
                "Reply to " + newAlert.sender() + "\u2026 (Enter sends)");
        replyField.getAccessibleContext().setAccessibleName("Reply to " + newAlert.sender());
        replyState.setText(newAlert.reply().map(PopupWindow::describe).orElse(" "));
        replyState.setToolTipText(newAlert.reply().map(r -> PlainText.notHtml(r.text())).orElse(null));
        sizeText();
        dialog.pack();
    }

    /** "Sending...", "Sent", "Delivered", ... with the reply's start, as plain text. */
    static String describe(QuickReply r) {
        String what = switch (r.status()) {
            case SENDING -> "Sending\u2026";
            case QUEUED -> "\u25F7 Queued: goes when they are back";
            case SENT -> "\u2713 Sent";
            case DELIVERED -> "\u2713\u2713 Delivered";
            case SEEN -> "\u2713\u2713 Seen";
            case FAILED -> "\u26A0 Not delivered";
            case REFUSED -> "\u26A0 " + r.detail();
        };
        return PlainText.notHtml(what + ": \u201C" + PlainText.clip(PlainText.line(r.text()), 40, 1).text() + "\u201D");
    }

    private void sendReply() {
        String typed = replyField.getText();
        if (typed.isBlank()) {
            return;
        }
        replyField.setText("");
        callbacks.reply(alert.id(), typed);
    }

    private void sizeText() {
        warning.setSize(new Dimension(WIDTH - 30, Short.MAX_VALUE)); // wraps at the pop-up's width
        text.setColumns(0);
        text.setSize(new Dimension(WIDTH - 30, Short.MAX_VALUE));
        int wanted = text.getPreferredSize().height;
        int max = expanded ? 260 : wanted;
        textScroll.setPreferredSize(new Dimension(WIDTH - 30, Math.min(wanted, max)));
    }

    private void pointerMoved() {
        PointerInfo p = MouseInfo.getPointerInfo();
        boolean inside = p != null && dialog.isShowing() && dialog.getBounds().contains(p.getLocation());
        if (inside != pointerInside) {
            pointerInside = inside;
            callbacks.hover(alert.id(), inside);
        }
    }

    Alert alert() {
        return alert;
    }

    JDialog dialog() {
        return dialog;
    }

    JTextField replyField() {
        return replyField;
    }

    void close() {
        dialog.dispose();
    }

    private static JButton link(String label) {
        JButton b = flat(label, null);
        b.setForeground(UIManager.getColor("Component.linkColor"));
        b.setHorizontalAlignment(JButton.LEFT);
        return b;
    }

    private static JButton flat(String label, String tooltip) {
        JButton b = new JButton(label);
        b.putClientProperty("JButton.buttonType", "toolBarButton");
        b.setFocusable(false);
        b.setToolTipText(tooltip);
        return b;
    }

    private static void listenEverywhere(Container c, MouseAdapter listener) {
        c.addMouseListener(listener);
        for (Component child : c.getComponents()) {
            if (child instanceof Container inner) {
                listenEverywhere(inner, listener);
            } else {
                child.addMouseListener(listener);
            }
        }
    }
}
