package org.traytalk.tray.window;

import javax.swing.JComponent;
import org.traytalk.config.SettingKey;

/** What every setting's editor shares: the key it edits and its input, named after the key (tests and readers use it). */
abstract class KeyedField<C extends JComponent> implements SettingField {
    private final SettingKey key;
    final C input;

    KeyedField(SettingKey key, C input) {
        this.key = key;
        this.input = input;
        input.setName(key.key());
    }

    @Override
    public final SettingKey key() {
        return key;
    }

    @Override
    public final JComponent component() {
        return input;
    }
}
