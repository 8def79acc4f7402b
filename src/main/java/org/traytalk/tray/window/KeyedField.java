package org.traytalk.tray.window;

import org.traytalk.config.SettingKey;

/** What every setting's editor shares: the key it edits (its component carries the key's name, for tests and readers). */
abstract class KeyedField implements SettingField {
    private final SettingKey key;

    KeyedField(SettingKey key) {
        this.key = key;
    }

    @Override
    public final SettingKey key() {
        return key;
    }
}
