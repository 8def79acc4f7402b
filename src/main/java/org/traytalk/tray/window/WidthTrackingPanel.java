package org.traytalk.tray.window;

import java.awt.Dimension;
import java.awt.LayoutManager;
import java.awt.Rectangle;
import javax.swing.JPanel;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;

/**
 * A panel for a vertical scroll pane that is always as wide as the view, so wrapping text areas inside it wrap
 * to the window instead of growing sideways (a 32 KiB word included).
 */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
class WidthTrackingPanel extends JPanel implements Scrollable {
    private int laidOutWidth = -1;

    WidthTrackingPanel(LayoutManager layout) {
        super(layout);
    }

    @Override
    public void doLayout() {
        super.doLayout();
        if (getWidth() != laidOutWidth) {
            laidOutWidth = getWidth();
            // wrapped text knows its height only once it has its width: lay out once more with the new widths
            SwingUtilities.invokeLater(this::revalidate);
        }
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 24;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == SwingConstants.VERTICAL ? Math.max(24, visible.height - 48) : visible.width;
    }

    @Override
    public boolean getScrollableTracksViewportWidth() {
        return true;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return false;
    }
}
