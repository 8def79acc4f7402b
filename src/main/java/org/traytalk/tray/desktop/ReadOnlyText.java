package org.traytalk.tray.desktop;

import javax.swing.BorderFactory;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * Text to read, not to edit, wrapped at word boundaries and drawn like a label: the way to show a paragraph of plain
 * text (never taken for HTML, unlike a JLabel) in a window, a pop-up or a banner.
 */
public final class ReadOnlyText {
    private ReadOnlyText() {
    }

    public static JTextArea area() {
        JTextArea area = new JTextArea();
        area.setEditable(false);
        area.setFocusable(false);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        area.setOpaque(false);
        area.setBorder(BorderFactory.createEmptyBorder());
        area.setFont(UIManager.getFont("Label.font"));
        return area;
    }
}
