package org.traytalk.tray.window;

import javax.swing.JPasswordField;
import javax.swing.JTextField;
import org.traytalk.config.SettingKey;

/** A one-line text setting: a name, a comma-separated list, or a secret (typed, never shown). */
final class TextField extends KeyedField<JTextField> {
    TextField(SettingKey key) {
        this(key, false);
    }

    TextField(SettingKey key, boolean secret) {
        super(key, secret ? new JPasswordField(24) : new JTextField(24));
    }

    @Override
    public String value() {
        return input instanceof JPasswordField secret ? new String(secret.getPassword()) : input.getText();
    }

    @Override
    public void show(String value) {
        input.setText(value);
    }

    @Override
    public void onEdit(Runnable onEdit) {
        input.getDocument().addDocumentListener(new Edits(onEdit));
    }

    JTextField field() {
        return input;
    }
}
