package org.traytalk.tray.window;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Image;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.UIManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.tray.desktop.ReadOnlyText;
import org.traytalk.tray.model.AboutText;
import org.traytalk.tray.model.PlainText;

/**
 * About TrayTalk: who this TrayTalk is and the code its peers compare when they are told its key changed. One
 * window, read afresh each time it opens (the name can change). Call every method on the Swing thread.
 */
public final class AboutWindow {
    private static final Logger LOG = LoggerFactory.getLogger(AboutWindow.class);
    /** Width of the explanation, in pixels. */
    private static final int TEXT_WIDTH = 420;

    private final Supplier<AboutText> text;
    private final WindowIcons icons;
    private JFrame frame;

    /** @param text what to show, read each time the window opens */
    public AboutWindow(Supplier<AboutText> text, WindowIcons icons) {
        this.text = Objects.requireNonNull(text);
        this.icons = Objects.requireNonNull(icons);
    }

    public void show() {
        close();
        AboutText about = text.get();
        frame = new JFrame(about.title());
        frame.setName("traytalk-about");
        icons.applyTo(frame);
        Frames.closeWith(frame, this::close);
        frame.setContentPane(content(about));
        frame.getRootPane().registerKeyboardAction(e -> close(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
        frame.pack();
        frame.setResizable(false);
        frame.setLocationRelativeTo(null);
        Frames.bringToFront(frame);
        LOG.info("About shown: {} {}", about.who(), about.code());
    }

    public void close() {
        if (frame != null) {
            frame.dispose();
            frame = null;
        }
    }

    private JComponent content(AboutText about) {
        JLabel who = new JLabel(PlainText.notHtml(about.who()));
        who.setFont(who.getFont().deriveFont(Font.BOLD, who.getFont().getSize2D() + 4f));
        List<? extends Image> images = icons.images();
        if (!images.isEmpty()) {
            who.setIcon(new ImageIcon(images.get(images.size() - 1).getScaledInstance(40, 40, Image.SCALE_SMOOTH)));
            who.setIconTextGap(12);
        }
        JLabel caption = new JLabel("Your code");
        JTextArea code = CodeText.area(about.code());
        code.setName("code");
        caption.setLabelFor(code);
        JButton copy = new JButton("Copy");
        copy.setMnemonic(KeyEvent.VK_C);
        copy.addActionListener(e -> Toolkit.getDefaultToolkit().getSystemClipboard()
                .setContents(new StringSelection(about.code()), null));
        JPanel copyBox = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        copyBox.add(copy);
        JPanel codeRow = new JPanel(new BorderLayout(8, 0));
        codeRow.add(code, BorderLayout.WEST);
        codeRow.add(copyBox, BorderLayout.CENTER);
        JTextArea explanation = ReadOnlyText.area();
        explanation.setText(about.explanation());
        explanation.setSize(new Dimension(TEXT_WIDTH, Short.MAX_VALUE)); // wrapped at this width before packing
        JLabel version = new JLabel(about.version());
        version.setForeground(UIManager.getColor("Label.disabledForeground"));
        JButton close = new JButton("Close");
        close.addActionListener(e -> close());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 0, 0));
        buttons.add(close);

        JPanel body = new JPanel();
        body.setLayout(new BoxLayout(body, BoxLayout.Y_AXIS));
        for (JComponent c : List.of(who, caption, codeRow, explanation, version)) {
            c.setAlignmentX(JComponent.LEFT_ALIGNMENT);
            body.add(c);
            body.add(Box.createVerticalStrut(c == caption ? 4 : 12));
        }
        JPanel content = new JPanel(new BorderLayout(0, 4));
        content.setBorder(BorderFactory.createEmptyBorder(18, 20, 16, 20));
        content.add(body, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        return content;
    }

    JFrame frame() {
        return frame;
    }
}
