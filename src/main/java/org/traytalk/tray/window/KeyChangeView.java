package org.traytalk.tray.window;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.event.KeyEvent;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import org.traytalk.tray.desktop.ReadOnlyText;
import org.traytalk.tray.desktop.Warnings;
import org.traytalk.tray.model.KeyChangeDecision;
import org.traytalk.tray.model.KeyChangeReview;
import org.traytalk.tray.model.PlainText;

/**
 * The review's content: heading, what happened, the known and the new code side by side, the held messages, what
 * to do, and the two decisions with the state of accepting below. Built when a review first opens (after the look
 * is set); shows what a {@link KeyChangeDecision} says.
 */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
final class KeyChangeView extends JPanel {
    /** Width of the text, in pixels. */
    private static final int TEXT_WIDTH = 560;

    private final JLabel heading = new JLabel();
    private final JTextArea summary = ReadOnlyText.area();
    private final JLabel pinnedCaption = new JLabel();
    private final JTextArea pinnedCode = CodeText.area();
    private final JLabel offeredCaption = new JLabel();
    private final JTextArea offeredCode = CodeText.area();
    private final JTextArea held = ReadOnlyText.area();
    private final JTextArea advice = ReadOnlyText.area();
    private final JLabel status = new JLabel(" ");
    private final JButton accept = new JButton();
    private final JButton keep = new JButton();

    KeyChangeView() {
        super(new BorderLayout(0, 4));
        setBorder(BorderFactory.createEmptyBorder(18, 20, 16, 20));
        heading.setFont(heading.getFont().deriveFont(Font.BOLD, heading.getFont().getSize2D() + 4f));
        heading.setForeground(Warnings.danger());
        pinnedCode.setName("pinned");
        offeredCode.setName("offered");
        JPanel codes = new JPanel(new GridLayout(1, 2, 16, 0));
        codes.add(codeBox(pinnedCaption, pinnedCode));
        codes.add(codeBox(offeredCaption, offeredCode));
        accept.setName("accept");
        accept.setMnemonic(KeyEvent.VK_A);
        keep.setName("keep");
        keep.setMnemonic(KeyEvent.VK_K);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 8, 0));
        buttons.add(keep);
        buttons.add(accept);
        JPanel bottom = new JPanel(new BorderLayout(12, 0));
        bottom.add(status, BorderLayout.CENTER);
        bottom.add(buttons, BorderLayout.EAST);
        JPanel body = new JPanel();
        body.setLayout(new BoxLayout(body, BoxLayout.Y_AXIS));
        for (JComponent c : List.of(heading, summary, codes, held, advice)) {
            c.setAlignmentX(JComponent.LEFT_ALIGNMENT);
            body.add(c);
            body.add(Box.createVerticalStrut(12));
        }
        add(body, BorderLayout.CENTER);
        add(bottom, BorderLayout.SOUTH);
    }

    /** Shows the decision's texts and state; the buttons work only while it waits for the user. */
    void show(KeyChangeDecision decision) {
        KeyChangeReview r = decision.review();
        heading.setText(PlainText.notHtml("\u26A0 " + r.title()));
        summary.setText(r.summary());
        pinnedCaption.setText(PlainText.notHtml(r.pinnedCaption()));
        pinnedCode.setText(CodeText.inTwoLines(r.pinnedCode()));
        offeredCaption.setText(PlainText.notHtml(r.offeredCaption()));
        offeredCode.setText(CodeText.inTwoLines(r.offeredCode()));
        held.setText(r.held());
        advice.setText(r.advice());
        accept.setText(r.accept());
        keep.setText(r.keep());
        boolean waiting = decision.status() == KeyChangeDecision.Status.WAITING;
        accept.setEnabled(waiting);
        keep.setEnabled(waiting);
        boolean failed = !decision.problem().isEmpty();
        status.setForeground(failed ? Warnings.danger() : UIManager.getColor("Label.foreground"));
        status.setText(PlainText.notHtml(failed ? "\u26A0 " + decision.problem() : waiting ? " " : "Accepting\u2026"));
        for (JTextArea area : List.of(summary, held, advice)) {
            area.setSize(new Dimension(TEXT_WIDTH, Short.MAX_VALUE)); // wrapped at this width before packing
        }
    }

    JButton acceptButton() {
        return accept;
    }

    JButton keepButton() {
        return keep;
    }

    private static JComponent codeBox(JLabel caption, JTextArea code) {
        JPanel box = new JPanel(new BorderLayout(0, 4));
        caption.setLabelFor(code); // a screen reader names the code by its caption
        box.add(caption, BorderLayout.NORTH);
        box.add(code, BorderLayout.CENTER);
        return box;
    }
}
