package org.traytalk.tray.window;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import org.traytalk.model.KeyChange;
import org.traytalk.tray.desktop.ReadOnlyText;
import org.traytalk.tray.desktop.Warnings;
import org.traytalk.tray.model.KeyChangeReview;
import org.traytalk.tray.model.PlainText;

/**
 * The warning above a conversation whose peer's key changed: that someone may be posing as them, how many messages
 * are held, and Review... (the same review as from the tray). Hidden while there is none.
 */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
final class KeyChangeBanner extends JPanel {
    private final JTextArea text = ReadOnlyText.area();
    private final JButton review = new JButton("Review\u2026");
    private KeyChange shown;

    /** @param onReview what Review... does with the change shown */
    KeyChangeBanner(Consumer<KeyChange> onReview) {
        super(new BorderLayout(12, 0));
        setName("key-change-banner");
        setBackground(Warnings.dangerBackground());
        setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 4, 1, 0, Warnings.danger()),
                BorderFactory.createEmptyBorder(10, 12, 10, 12)));
        JLabel sign = new JLabel("\u26A0");
        sign.setForeground(Warnings.danger());
        sign.setFont(sign.getFont().deriveFont(Font.BOLD, sign.getFont().getSize2D() + 6f));
        text.setForeground(Warnings.danger());
        text.setFont(text.getFont().deriveFont(Font.BOLD));
        review.setMnemonic(KeyEvent.VK_R);
        review.setToolTipText("Compare the codes and decide (Alt+R)");
        review.addActionListener(e -> {
            if (shown != null) {
                onReview.accept(shown);
            }
        });
        JPanel buttonBox = new JPanel(new BorderLayout());
        buttonBox.setOpaque(false);
        buttonBox.add(review, BorderLayout.NORTH);
        add(sign, BorderLayout.WEST);
        add(text, BorderLayout.CENTER);
        add(buttonBox, BorderLayout.EAST);
        showChange(Optional.empty());
    }

    /** Shows the warning for {@code change}, or hides the banner. */
    void showChange(Optional<KeyChange> change) {
        shown = change.orElse(null);
        text.setText(change.map(c -> PlainText.notHtml(KeyChangeReview.banner(c))).orElse(""));
        getAccessibleContext().setAccessibleName(change.map(KeyChangeReview::title).orElse(""));
        setVisible(change.isPresent());
    }

    String text() {
        return text.getText();
    }

    JButton reviewButton() {
        return review;
    }
}
