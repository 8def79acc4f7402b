package org.traytalk.tray.window;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Point;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSeparator;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.text.DefaultCaret;
import org.traytalk.config.SettingKey;
import org.traytalk.config.Settings;
import org.traytalk.config.SettingsFile;
import org.traytalk.model.Fingerprint;
import org.traytalk.tray.desktop.ReadOnlyText;
import org.traytalk.tray.model.PlainText;

/**
 * Every user-facing setting, grouped into sections, each with its explanation, and this TrayTalk's code (its
 * identity's fingerprint, which is not a setting) under "Trust"; checked as typed (the problem shows
 * under the field and Save stays off); Save writes only the keys that changed. UI-thread confined.
 */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
public final class SettingsForm extends JPanel {
    static final Color PROBLEM = new Color(0xC62828);
    static final Color RESTART = new Color(0xA15C00);

    private final SettingsFile file;
    private final Supplier<Settings> current;
    private final Optional<Fingerprint> fingerprint;
    private final Map<SettingKey, SettingField> fields = new EnumMap<>(SettingKey.class);
    private final Map<SettingKey, JLabel> problems = new EnumMap<>(SettingKey.class);
    private final Map<SettingKey, String> saved = new EnumMap<>(SettingKey.class);
    private final JButton save = new JButton("Save");
    private final JButton revert = new JButton("Revert");
    private final JButton close = new JButton("Close");
    private final JLabel status = new JLabel(" ");
    private final JScrollPane scroll;
    private boolean showing; // filling the fields: not the user's edits

    /**
     * @param current what the settings file holds now (e.g. {@code () -> file.load().settings()}); read on
     *                every {@link #reload}
     * @param fingerprint this installation's code, shown under "Trust"; empty where there is none
     */
    public SettingsForm(SettingsFile file, Supplier<Settings> current, Optional<Fingerprint> fingerprint) {
        super(new BorderLayout());
        this.file = Objects.requireNonNull(file);
        this.current = Objects.requireNonNull(current);
        this.fingerprint = Objects.requireNonNull(fingerprint);
        JPanel form = new WidthTrackingPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(8, 20, 20, 20));
        int row = 0;
        for (SettingSection section : SettingSection.values()) {
            row = addSection(form, row, section);
        }
        GridBagConstraints filler = new GridBagConstraints();
        filler.gridy = row;
        filler.weighty = 1;
        form.add(new JPanel(), filler);
        JScrollPane scroll = new JScrollPane(form);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(24);
        this.scroll = scroll;
        add(scroll, BorderLayout.CENTER);
        add(buttons(), BorderLayout.SOUTH);
        reload();
    }

    /** Shows the settings as {@code current} reports them now, dropping unsaved edits. */
    public void reload() {
        showing = true;
        try {
            Settings settings = current.get();
            for (SettingField f : fields.values()) {
                String value = SettingsFile.text(f.key(), settings);
                saved.put(f.key(), value);
                f.show(value);
            }
        } finally {
            showing = false;
        }
        status.setText(" ");
        check();
        SwingUtilities.invokeLater(() -> scroll.getViewport().setViewPosition(new Point(0, 0)));
    }

    /**
     * Writes every changed setting to the file (the running app applies what it can at once).
     *
     * @return the keys written; empty when nothing changed or a field is bad
     */
    public List<SettingKey> save() {
        if (!check()) {
            return List.of();
        }
        List<SettingKey> written = new ArrayList<>();
        try {
            for (SettingKey key : changed()) {
                String value = fields.get(key).value().strip();
                file.set(key.key(), value);
                saved.put(key, value);
                written.add(key);
            }
        } catch (IOException | IllegalArgumentException e) {
            showStatus("Could not save: " + e.getMessage(), true);
            check();
            return written;
        }
        boolean restart = written.stream().anyMatch(k -> !SettingSection.appliesLive(k));
        check();
        String saved = written.size() == 1 ? "Saved 1 change." : "Saved " + written.size() + " changes.";
        showStatus(saved + (restart ? " Network changes apply at the next start." : " Applied now."), false);
        return written;
    }

    /** What Close does (the window closes itself); the button shows only once this is set. */
    public void setCloseAction(Runnable action) {
        close.setVisible(true);
        for (var l : close.getActionListeners()) {
            close.removeActionListener(l);
        }
        close.addActionListener(e -> action.run());
    }

    /** Whether there are edits Save would write. */
    public boolean hasChanges() {
        return !changed().isEmpty();
    }

    private List<SettingKey> changed() {
        return fields.values().stream().filter(f -> !f.value().strip().equals(saved.get(f.key()).strip()))
                .map(SettingField::key).toList();
    }

    /** Shows each field's problem; Save is on only with no problem and something to save. */
    private boolean check() {
        boolean ok = true;
        for (SettingField f : fields.values()) {
            Optional<String> problem = SettingsFile.problemWith(f.key(), f.value());
            JLabel label = problems.get(f.key());
            label.setText(problem.map(p -> PlainText.notHtml(PlainText.line(capitalized(p)))).orElse(""));
            label.setVisible(problem.isPresent());
            f.component().putClientProperty("JComponent.outline", problem.isPresent() ? "error" : null);
            ok &= problem.isEmpty();
        }
        boolean changes = hasChanges();
        save.setEnabled(ok && changes);
        revert.setEnabled(changes);
        return ok;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private void edited() {
        if (!showing) {
            status.setText(" ");
            check();
        }
    }

    private void showStatus(String text, boolean problem) {
        status.setForeground(problem ? PROBLEM : UIManager.getColor("Label.foreground"));
        status.setText(PlainText.notHtml(PlainText.line(text)));
    }

    private int addSection(JPanel form, int row, SettingSection section) {
        JLabel title = new JLabel(section.title());
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 2f));
        form.add(title, cell(0, row++, 2, new Insets(row == 1 ? 8 : 22, 0, 4, 0)));
        form.add(new JSeparator(), cell(0, row++, 2, new Insets(0, 0, 8, 0)));
        if (section.keys().stream().noneMatch(SettingSection::appliesLive)) {
            JLabel restart = new JLabel("These apply at the next start of TrayTalk.");
            restart.setForeground(RESTART);
            form.add(restart, cell(0, row++, 2, new Insets(0, 0, 8, 0)));
        }
        if (section == SettingSection.TRUST && fingerprint.isPresent()) {
            row = addCode(form, row, fingerprint.get());
        }
        for (SettingKey key : section.keys()) {
            row = addField(form, row, SettingField.forKey(key));
        }
        return row;
    }

    /** The code peers compare: read-only and selectable, so it can be read out or copied. */
    private int addCode(JPanel form, int row, Fingerprint code) {
        JLabel label = new JLabel("Your code");
        JTextArea field = CodeText.area(code.code());
        field.setName("fingerprint");
        label.setLabelFor(field);
        GridBagConstraints labelCell = cell(0, row, 1, new Insets(6, 0, 0, 16));
        labelCell.fill = GridBagConstraints.NONE;
        labelCell.weightx = 0;
        form.add(label, labelCell);
        GridBagConstraints fieldCell = cell(1, row++, 1, new Insets(4, 0, 0, 0));
        fieldCell.fill = GridBagConstraints.NONE;
        form.add(field, fieldCell);
        form.add(help("Your TrayTalk's identity, not a setting. Peers compare it with what they see when TrayTalk"
                + " tells them your key changed (About shows it too)."), cell(1, row++, 1, new Insets(3, 2, 10, 0)));
        return row;
    }

    private int addField(JPanel form, int row, SettingField field) {
        SettingKey key = field.key();
        fields.put(key, field);
        field.onEdit(this::edited);
        JPanel name = new JPanel(new BorderLayout(0, 2));
        name.setOpaque(false);
        JLabel label = new JLabel(SettingSection.label(key));
        label.setLabelFor(field.component());
        name.add(label, BorderLayout.NORTH);
        GridBagConstraints labelCell = cell(0, row, 1, new Insets(6, 0, 0, 16));
        labelCell.fill = GridBagConstraints.NONE;
        labelCell.weightx = 0;
        form.add(name, labelCell);
        JPanel editor = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        editor.setOpaque(false);
        boolean wide = field instanceof TextField;
        GridBagConstraints fieldCell = cell(1, row++, 1, new Insets(4, 0, 0, 0));
        fieldCell.fill = wide ? GridBagConstraints.HORIZONTAL : GridBagConstraints.NONE;
        form.add(wide ? field.component() : editor, fieldCell);
        if (!wide) {
            editor.add(field.component());
        }
        JLabel problem = new JLabel();
        problem.setForeground(PROBLEM);
        problem.setName(key.key() + ".problem");
        problems.put(key, problem);
        form.add(problem, cell(1, row++, 1, new Insets(3, 2, 0, 0)));
        form.add(help(key.explanation()), cell(1, row++, 1, new Insets(3, 2, 10, 0)));
        return row;
    }

    private static JComponent help(String text) {
        JTextArea help = ReadOnlyText.area();
        help.setText(text);
        ((DefaultCaret) help.getCaret()).setUpdatePolicy(DefaultCaret.NEVER_UPDATE);
        help.setFont(help.getFont().deriveFont(help.getFont().getSize2D() - 1f));
        help.setForeground(UIManager.getColor("Label.disabledForeground"));
        return help;
    }

    private static GridBagConstraints cell(int x, int y, int width, Insets insets) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.gridwidth = width;
        c.insets = insets;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = x == 1 || width == 2 ? 1 : 0;
        return c;
    }

    private JComponent buttons() {
        save.addActionListener(e -> save());
        revert.addActionListener(e -> reload());
        close.setVisible(false);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.TRAILING, 8, 0));
        right.add(revert);
        right.add(close);
        right.add(save);
        JPanel bar = new JPanel(new BorderLayout(12, 0));
        bar.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(1, 0, 0, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(10, 20, 10, 14)));
        bar.add(status, BorderLayout.CENTER);
        bar.add(right, BorderLayout.EAST);
        return bar;
    }

    // ---- for tests and the window ----

    SettingField field(SettingKey key) {
        return fields.get(key);
    }

    JLabel problemLabel(SettingKey key) {
        return problems.get(key);
    }

    JButton saveButton() {
        return save;
    }

    JLabel statusLabel() {
        return status;
    }
}
