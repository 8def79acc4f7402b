package org.traytalk.tray.window;

import javax.swing.JCheckBox;
import javax.swing.JComponent;
import org.traytalk.config.SettingKey;

/** An on/off setting as a check box. */
final class OnOffField extends KeyedField {
    private final JCheckBox box = new JCheckBox("On");

    OnOffField(SettingKey key) {
        super(key);
        box.setName(key.key());
    }

    @Override
    public JComponent component() {
        return box;
    }

    @Override
    public String value() {
        return box.isSelected() ? "on" : "off";
    }

    @Override
    public void show(String value) {
        box.setSelected("on".equalsIgnoreCase(value.strip()));
    }

    @Override
    public void onEdit(Runnable onEdit) {
        box.addItemListener(e -> onEdit.run());
    }

    JCheckBox box() {
        return box;
    }
}
