package org.traytalk.tray.window;

import javax.swing.JComponent;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import org.traytalk.config.SettingKey;

/** A one-line text setting: a name, a comma-separated list, or a secret (typed, never shown). */
final class TextField extends KeyedField {
    private final JTextField field;

    TextField(SettingKey key) {
        this(key, false);
    }

    TextField(SettingKey key, boolean secret) {
        super(key);
        this.field = secret ? new JPasswordField(24) : new JTextField(24);
        field.setName(key.key());
    }

    @Override
    public JComponent component() {
        return field;
    }

    @Override
    public String value() {
        return field instanceof JPasswordField secret ? new String(secret.getPassword()) : field.getText();
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
