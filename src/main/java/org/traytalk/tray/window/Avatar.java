package org.traytalk.tray.window;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.Icon;
import org.traytalk.tray.model.PlainText;

/** A round badge with a name's first letter, coloured by the name; optionally with a presence dot. */
final class Avatar implements Icon {
    private static final Color[] COLORS = {
        new Color(0x5C6BC0), new Color(0x26A69A), new Color(0xEF6C00), new Color(0x8E24AA),
        new Color(0x00897B), new Color(0x3949AB), new Color(0xD81B60), new Color(0x6D4C41),
    };
    static final Color ONLINE = new Color(0x43A047);
    static final Color AWAY = new Color(0xF9A825);
    static final Color OFFLINE = new Color(0xB0B4BA);

    private final String letter;
    private final Color color;
    private final int size;
    private final Color dot;

    /** @param dot the presence dot's colour ({@link #ONLINE}, {@link #AWAY}, {@link #OFFLINE}); null for none */
    Avatar(String name, int size, Color dot) {
        String clean = PlainText.line(name);
        this.letter = clean.isEmpty() ? "?" : clean.substring(0, clean.offsetByCodePoints(0, 1)).toUpperCase();
        this.color = COLORS[Math.floorMod(clean.toUpperCase().hashCode(), COLORS.length)];
        this.size = size;
        this.dot = dot;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(color);
            g2.fillOval(x, y, size, size);
            g2.setColor(Color.WHITE);
            g2.setFont(c.getFont().deriveFont(Font.BOLD, size * 0.45f));
            FontMetrics fm = g2.getFontMetrics();
            g2.drawString(letter, x + (size - fm.stringWidth(letter)) / 2f,
                    y + (size - fm.getHeight()) / 2f + fm.getAscent());
            if (dot != null) {
                int d = Math.max(8, size / 3);
                int dx = x + size - d + 1;
                int dy = y + size - d + 1;
                g2.setColor(c.getBackground() == null ? Color.WHITE : c.getBackground());
                g2.fillOval(dx - 2, dy - 2, d + 4, d + 4);
                g2.setColor(dot);
                g2.fillOval(dx, dy, d, d);
            }
        } finally {
            g2.dispose();
        }
    }

    @Override
    public int getIconWidth() {
        return size + 2;
    }

    @Override
    public int getIconHeight() {
        return size + 2;
    }
}
