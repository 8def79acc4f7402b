package org.traytalk.tray.window;

import java.awt.Dimension;
import javax.swing.JFormattedTextField;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import org.traytalk.config.SettingKey;

/**
 * A whole-number setting as a spinner. The typed text is what counts (and what the form validates), so an
 * out-of-range number shows its problem instead of silently snapping back.
 */
final class NumberField extends KeyedField<JSpinner> {
    private final JFormattedTextField text;

    NumberField(SettingKey key) {
        super(key, new JSpinner(new SpinnerNumberModel(0, 0, Integer.MAX_VALUE, 1)));
        input.setEditor(new JSpinner.NumberEditor(input, "#")); // no grouping: a port reads 42138, not 42,138
        text = ((JSpinner.DefaultEditor) input.getEditor()).getTextField();
        text.setColumns(7);
        text.setHorizontalAlignment(JFormattedTextField.LEADING);
        // the label names the spinner, but the keyboard and a screen reader are in its text field
        text.getAccessibleContext().setAccessibleName(SettingSection.label(key));
        input.setMaximumSize(new Dimension(140, input.getPreferredSize().height));
    }

    @Override
    public String value() {
        return text.getText();
    }

    @Override
    public void show(String value) {
        try {
            input.setValue(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            text.setText(value);
        }
    }

    @Override
    public void onEdit(Runnable onEdit) {
        text.getDocument().addDocumentListener(new Edits(onEdit));
    }

    JFormattedTextField text() {
        return text;
    }

    JSpinner spinner() {
        return input;
    }
}
