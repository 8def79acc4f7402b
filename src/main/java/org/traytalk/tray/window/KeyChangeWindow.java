package org.traytalk.tray.window;

import java.awt.event.KeyEvent;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.KeyStroke;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.model.KeyChange;
import org.traytalk.tray.model.KeyChangeDecision;
import org.traytalk.tray.model.KeyChangeList;
import org.traytalk.tray.model.PlainText;

/**
 * The review of a changed key ({@link KeyChangeView}) in its window: one window; asked for another name it shows
 * that one. Enter keeps the old key (the safe choice), Esc or closing decides later (the change stays waiting in the
 * tray). Call every method on the Swing thread.
 */
public final class KeyChangeWindow {
    private static final Logger LOG = LoggerFactory.getLogger(KeyChangeWindow.class);

    private final KeyChangeList keyChanges;
    private final ZoneId zone;
    private final WindowIcons icons;
    private JFrame frame;
    private KeyChangeView view;
    private KeyChangeDecision decision;

    public KeyChangeWindow(KeyChangeList keyChanges, ZoneId zone, WindowIcons icons) {
        this.keyChanges = Objects.requireNonNull(keyChanges);
        this.zone = Objects.requireNonNull(zone);
        this.icons = Objects.requireNonNull(icons);
    }

    /** Opens the review of the key change waiting for {@code name}; says so when none is. */
    public void show(String name) {
        Optional<KeyChange> change = keyChanges.forName(name);
        if (change.isEmpty()) {
            LOG.info("Key change review: nothing waiting for {}", name);
            JOptionPane.showMessageDialog(frame, PlainText.notHtml("No key change is waiting for "
                    + PlainText.label(name) + ": it was settled."), "TrayTalk", JOptionPane.INFORMATION_MESSAGE);
            return;
        }
        if (decision != null) {
            decision.close();
        }
        decision = new KeyChangeDecision(keyChanges, change.get(), zone, this::redraw);
        if (frame == null) {
            build();
        }
        redraw();
        frame.pack();
        frame.setLocationRelativeTo(null);
        Frames.bringToFront(frame);
        LOG.info("Key change review shown: {} {} -> {} ({} held)", change.get().name(), change.get().pinned(),
                change.get().offered(), change.get().held());
    }

    /** Closes the window without a decision. */
    public void close() {
        if (decision != null) {
            decision.close();
            decision = null;
        }
        if (frame != null) {
            frame.dispose();
            frame = null;
            view = null;
        }
    }

    private void redraw() {
        if (decision == null || frame == null) {
            return;
        }
        if (decision.status() == KeyChangeDecision.Status.DONE) {
            LOG.info("Key change review of {} done", decision.change().name());
            close();
            return;
        }
        frame.setTitle(decision.review().title() + " - TrayTalk");
        view.show(decision);
    }

    private void build() {
        view = new KeyChangeView();
        view.acceptButton().addActionListener(e -> {
            LOG.info("Key change review: accept {} {}", decision.change().name(), decision.change().offered());
            decision.accept();
        });
        view.keepButton().addActionListener(e -> {
            LOG.info("Key change review: keep the old key of {}", decision.change().name());
            decision.keep();
        });
        frame = new JFrame();
        frame.setName("traytalk-key-change");
        icons.applyTo(frame);
        Frames.closeWith(frame, this::close); // no decision: the change stays waiting in the tray
        frame.setContentPane(view);
        frame.getRootPane().setDefaultButton(view.keepButton());
        frame.getRootPane().registerKeyboardAction(e -> close(), KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0),
                JComponent.WHEN_IN_FOCUSED_WINDOW);
    }
}
