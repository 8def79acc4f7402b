package org.traytalk.tray.window;

import java.awt.Image;
import java.util.List;
import javax.swing.JFrame;

/**
 * The app's icon in its sizes, for the title bar and task switcher of every TrayTalk window: one per app, given to
 * each window, and set once the icon is drawn (a window built before that keeps Swing's). Thread-safe.
 */
public final class WindowIcons {
    private volatile List<? extends Image> images = List.of();

    public void use(List<? extends Image> newImages) {
        this.images = List.copyOf(newImages);
    }

    List<? extends Image> images() {
        return images;
    }

    void applyTo(JFrame frame) {
        frame.setIconImages(images);
    }
}
