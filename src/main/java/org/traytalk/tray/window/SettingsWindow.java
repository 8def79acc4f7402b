package org.traytalk.tray.window;

import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.KeyStroke;
import org.traytalk.config.Settings;
import org.traytalk.config.SettingsFile;
import org.traytalk.model.Fingerprint;

/** The settings window: one per app, opened again it comes to the front. Call every method on the Swing thread. */
public final class SettingsWindow {
    private final SettingsFile file;
    private final Supplier<Settings> current;
    private final Optional<Fingerprint> fingerprint;
    private final WindowIcons icons;
    private JFrame frame;

    /**
     * @param current     what the settings file holds now, e.g. {@code () -> file.load().settings()}
     * @param fingerprint this installation's code, shown under "Trust"; empty where there is none
     */
    public SettingsWindow(SettingsFile file, Supplier<Settings> current, Optional<Fingerprint> fingerprint,
                          WindowIcons icons) {
        this.file = Objects.requireNonNull(file);
        this.current = Objects.requireNonNull(current);
        this.fingerprint = Objects.requireNonNull(fingerprint);
        this.icons = Objects.requireNonNull(icons);
    }

    /** Opens the window with the current settings, or brings the open one (and its edits) to the front. */
    public void show() {
        if (frame == null) {
            build();
        }
        Frames.bringToFront(frame);
    }

    /** Closes the window; unsaved edits are dropped. */
    public void close() {
        if (frame != null) {
            frame.dispose();
            frame = null;
        }
    }

    private void build() {
        SettingsForm form = new SettingsForm(file, current, fingerprint);
        form.setCloseAction(this::close);
        form.getInputMap(JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT)
                .put(KeyStroke.getKeyStroke("ESCAPE"), "close");
        form.getActionMap().put("close", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                close();
            }
        });
        frame = new JFrame("TrayTalk \u2013 Settings");
        icons.applyTo(frame);
        Frames.closeWith(frame, this::close);
        frame.setContentPane(form);
        frame.getRootPane().setDefaultButton(form.saveButton());
        frame.setSize(700, 700);
        frame.setMinimumSize(new Dimension(520, 420));
        frame.setLocationRelativeTo(null);
    }
}
