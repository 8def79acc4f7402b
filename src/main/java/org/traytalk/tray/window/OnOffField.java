package org.traytalk.tray.window;

import javax.swing.JCheckBox;
import org.traytalk.config.SettingKey;

/** An on/off setting as a check box. */
final class OnOffField extends KeyedField<JCheckBox> {
    OnOffField(SettingKey key) {
        super(key, new JCheckBox("On"));
    }

    @Override
    public String value() {
        return input.isSelected() ? "on" : "off";
    }

    @Override
    public void show(String value) {
        input.setSelected("on".equalsIgnoreCase(value.strip()));
    }

    @Override
    public void onEdit(Runnable onEdit) {
        input.addItemListener(e -> onEdit.run());
    }

    JCheckBox box() {
        return input;
    }
}
