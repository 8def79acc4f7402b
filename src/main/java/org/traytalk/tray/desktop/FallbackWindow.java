package org.traytalk.tray.desktop;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSeparator;
import javax.swing.JTextArea;
import javax.swing.WindowConstants;
import org.traytalk.tray.model.IconState;
import org.traytalk.tray.model.MenuEntry;
import org.traytalk.tray.model.MenuModel;
import org.traytalk.tray.model.PlainText;

/**
 * The small main window TrayTalk opens when the desktop has no tray: the tray menu as buttons, the status as
 * text, and why there is no icon. Closing it quits, saying OFFLINE, so TrayTalk never runs unseen. It grows with
 * its entries up to the screen's usable height, then scrolls.
 */
final class FallbackWindow implements TrayView {
    private final JFrame frame = new JFrame("TrayTalk");
    private final TrayIcons icons;
    private final Consumer<String> clicks;
    private final JLabel status = new JLabel();
    private final JPanel entries = new JPanel();

    FallbackWindow(String reason, TrayIcons icons, Consumer<String> clicks) {
        this.icons = icons;
        this.clicks = clicks;
        frame.setName("traytalk-main");
        frame.setIconImages(icons.app());
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                clicks.accept("quit");
            }
        });
        JTextArea why = new JTextArea(reason + " Closing it quits TrayTalk.");
        why.setEditable(false);
        why.setFocusable(false);
        why.setLineWrap(true);
        why.setWrapStyleWord(true);
        why.setOpaque(false);
        why.setColumns(28);
        entries.setLayout(new BoxLayout(entries, BoxLayout.Y_AXIS));
        status.putClientProperty("FlatLaf.styleClass", "h3");
        JPanel top = new JPanel(new BorderLayout(0, 8));
        top.add(status, BorderLayout.NORTH);
        top.add(why, BorderLayout.CENTER);
        JPanel content = new JPanel(new BorderLayout(0, 12));
        content.setBorder(BorderFactory.createEmptyBorder(14, 16, 14, 16));
        content.add(top, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(entries, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        content.add(scroll, BorderLayout.CENTER);
        frame.setContentPane(content);
        frame.setMinimumSize(new Dimension(320, 300));
    }

    @Override
    public void show(IconState state, String tooltip, MenuModel menu) {
        status.setText(PlainText.notHtml(tooltip));
        frame.setIconImages(state == IconState.NORMAL ? icons.app() : List.of(icons.tray(state, 64)));
        entries.removeAll();
        menu.entries().forEach(e -> add(e, 0));
        entries.revalidate();
        entries.repaint();
        if (!frame.isVisible()) {
            frame.pack();
            frame.setSize(sized(frame.getPreferredSize(), new Dimension(0, 0), usableScreen()));
            frame.setLocationRelativeTo(null);
            frame.setVisible(true);
        } else {
            Dimension size = sized(frame.getPreferredSize(), frame.getSize(), usableScreen());
            if (!size.equals(frame.getSize())) {
                frame.setSize(size);
            }
        }
    }

    /**
     * Peers coming online add rows: the window grows so nothing is cut off, but never beyond the usable screen (then
     * its entries scroll), and it never shrinks under the user's hands.
     */
    static Dimension sized(Dimension wanted, Dimension now, Rectangle usable) {
        return new Dimension(Math.max(now.width, Math.min(wanted.width, usable.width)),
                Math.max(now.height, Math.min(wanted.height, usable.height)));
    }

    /** The screen the window is on, without panels and docks. */
    private Rectangle usableScreen() {
        GraphicsConfiguration screen = frame.getGraphicsConfiguration();
        Rectangle bounds = screen.getBounds();
        Insets taken = Toolkit.getDefaultToolkit().getScreenInsets(screen);
        return new Rectangle(bounds.x + taken.left, bounds.y + taken.top, bounds.width - taken.left - taken.right,
                bounds.height - taken.top - taken.bottom);
    }

    private void add(MenuEntry e, int indent) {
        Component c = switch (e.kind()) {
            case SEPARATOR -> new JSeparator();
            case ACTION -> {
                JButton b = new JButton(e.label());
                b.setEnabled(e.enabled());
                b.addActionListener(ev -> clicks.accept(e.id()));
                yield b;
            }
            case CHECKBOX -> {
                JCheckBox b = new JCheckBox(e.label(), e.checked());
                b.setEnabled(e.enabled());
                b.addActionListener(ev -> clicks.accept(e.id()));
                yield b;
            }
            case SUBMENU -> new JLabel(e.label());
        };
        JPanel row = new JPanel(new BorderLayout());
        row.setBorder(BorderFactory.createEmptyBorder(2, indent, 2, 0));
        row.add(c, c instanceof JButton ? BorderLayout.CENTER : BorderLayout.WEST);
        row.setAlignmentX(Component.LEFT_ALIGNMENT);
        row.setMaximumSize(new Dimension(Integer.MAX_VALUE, row.getPreferredSize().height));
        entries.add(row);
        e.children().forEach(child -> add(child, indent + 16));
        if (e.kind() == MenuEntry.Kind.SEPARATOR) {
            entries.add(Box.createVerticalStrut(2));
        }
    }

    /** Brings the window forward, e.g. when TrayTalk is launched a second time. */
    void toFront() {
        frame.setState(JFrame.NORMAL);
        frame.toFront();
    }

    @Override
    public String describe() {
        return "window (no system tray)";
    }

    @Override
    public void close() {
        frame.dispose();
    }
}
