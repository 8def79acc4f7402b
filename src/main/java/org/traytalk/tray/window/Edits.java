package org.traytalk.tray.window;

import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/** Runs one action on every change of a text document. */
final class Edits implements DocumentListener {
    private final Runnable onChange;

    Edits(Runnable onChange) {
        this.onChange = onChange;
    }

    @Override
    public void insertUpdate(DocumentEvent e) {
        onChange.run();
    }

    @Override
    public void removeUpdate(DocumentEvent e) {
        onChange.run();
    }

    @Override
    public void changedUpdate(DocumentEvent e) {
        onChange.run();
    }
}
