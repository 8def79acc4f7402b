package org.traytalk.tray.window;

import java.awt.Frame;
import javax.swing.JFrame;

/** What "one window per purpose" means when a window is asked for again. */
final class Frames {
    private Frames() {
    }

    /** Shows {@code frame}, un-minimized and in front, with the keyboard. */
    static void bringToFront(JFrame frame) {
        if (frame.getExtendedState() == Frame.ICONIFIED) {
            frame.setExtendedState(Frame.NORMAL);
        }
        frame.setVisible(true);
        frame.toFront();
        frame.requestFocus();
    }
}
