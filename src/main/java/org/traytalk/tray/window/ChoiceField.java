package org.traytalk.tray.window;

import java.util.List;
import java.util.Locale;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import org.traytalk.config.SettingKey;

/** A setting with a few named values, as a drop-down list. */
final class ChoiceField extends KeyedField {
    private final JComboBox<String> box;

    ChoiceField(SettingKey key, List<String> choices) {
        super(key);
        this.box = new JComboBox<>(choices.toArray(String[]::new));
        box.setName(key.key());
    }

    @Override
    public JComponent component() {
        return box;
    }

    @Override
    public String value() {
        return String.valueOf(box.getSelectedItem());
    }

    @Override
    public void show(String value) {
        box.setSelectedItem(value.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public void onEdit(Runnable onEdit) {
        box.addItemListener(e -> onEdit.run());
    }
}
