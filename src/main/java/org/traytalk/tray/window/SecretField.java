package org.traytalk.tray.window;

import javax.swing.JComponent;
import javax.swing.JPasswordField;
import org.traytalk.config.SettingKey;

/** A secret setting (the organisation passphrase): typed, never shown. */
final class SecretField implements SettingField {
    private final SettingKey key;
    private final JPasswordField field = new JPasswordField(24);

    SecretField(SettingKey key) {
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
        return new String(field.getPassword());
    }

    @Override
    public void show(String value) {
        field.setText(value);
    }

    @Override
    public void onEdit(Runnable onEdit) {
        field.getDocument().addDocumentListener(new Edits(onEdit));
    }
}
