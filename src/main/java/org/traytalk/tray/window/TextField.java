package org.traytalk.tray.window;

import javax.swing.JComponent;
import javax.swing.JTextField;
import org.traytalk.config.SettingKey;

/** A one-line text setting: a name, or a comma-separated list. */
final class TextField implements SettingField {
    private final SettingKey key;
    private final JTextField field = new JTextField(24);

    TextField(SettingKey key) {
        this.key = key;
        field.setName(key.key());
    }

    @Override
    public SettingKey key() {
        return key;
    }

    @Override
    public JComponent component() {
        return field;
    }

    @Override
    public String value() {
        return field.getText();
    }

    @Override
    public void show(String value) {
        field.setText(value);
    }

    @Override
    public void onEdit(Runnable onEdit) {
        field.getDocument().addDocumentListener(new Edits(onEdit));
    }

    JTextField field() {
        return field;
    }
}
