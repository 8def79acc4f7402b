package org.traytalk.tray.window;

import java.awt.Dimension;
import java.awt.Image;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.traytalk.engine.Messenger;

/**
 * The history window: one per app, opened again it comes to the front. Call every method on the Swing thread.
 * History is read on a thread of its own ("traytalk-history").
 */
public final class HistoryWindow {
    private final Messenger messenger;
    private final Clock clock;
    private JFrame frame;
    private List<? extends Image> icons = List.of();
    private HistoryPanel panel;
    private ExecutorService reader;

    public HistoryWindow(Messenger messenger, Clock clock) {
        this.messenger = Objects.requireNonNull(messenger);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The window's icon in its sizes (title bar, task switcher); used from the next opening on. */
    public void setIconImages(List<? extends Image> images) {
        this.icons = List.copyOf(images);
    }

    /** Opens the window, or brings it to the front. */
    public void show() {
        if (frame == null) {
            build();
        }
        Frames.bringToFront(frame);
    }

    /** Opens the window (or brings it to the front) with the conversation with {@code peer} ({@code *}: Everyone). */
    public void showConversation(String peer) {
        show();
        panel.showConversation(peer);
    }

    /** Closes the window and stops following the messenger; {@link #show} opens a fresh one. */
    public void close() {
        if (frame == null) {
            return;
        }
        panel.stop();
        reader.shutdownNow();
        frame.dispose();
        frame = null;
        panel = null;
    }

    private void build() {
        reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "traytalk-history");
            t.setDaemon(true);
            return t;
        });
        panel = new HistoryPanel(messenger, reader, SwingUtilities::invokeLater, clock);
        panel.setCloseAction(this::close);
        frame = new JFrame("TrayTalk \u2013 History");
        frame.setIconImages(icons);
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });
        frame.setContentPane(panel);
        frame.setSize(960, 640);
        frame.setMinimumSize(new Dimension(640, 400));
        frame.setLocationRelativeTo(null);
        panel.start();
    }
}
