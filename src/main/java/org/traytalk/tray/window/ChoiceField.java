package org.traytalk.tray.window;

import java.util.List;
import java.util.Locale;
import javax.swing.JComboBox;
import org.traytalk.config.SettingKey;

/** A setting with a few named values, as a drop-down list. */
final class ChoiceField extends KeyedField<JComboBox<String>> {
    ChoiceField(SettingKey key, List<String> choices) {
        super(key, new JComboBox<>(choices.toArray(String[]::new)));
    }

    @Override
    public String value() {
        return String.valueOf(input.getSelectedItem());
    }

    @Override
    public void show(String value) {
        input.setSelectedItem(value.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public void onEdit(Runnable onEdit) {
        input.addItemListener(e -> onEdit.run());
    }
}
