package org.traytalk.tray.window;

import java.awt.Frame;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JFrame;
import javax.swing.WindowConstants;

/** What "one window per purpose" means when a window is asked for again. */
final class Frames {
    private Frames() {
    }

    /** The close button runs {@code close}, which decides what closing means (stop, dispose, forget), not Swing. */
    static void closeWith(JFrame frame, Runnable close) {
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close.run();
            }
        });
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
