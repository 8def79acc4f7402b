package org.traytalk.tray.window;

import java.awt.FlowLayout;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.swing.Box;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JPanel;
import org.traytalk.config.SettingKey;

/** The carriers setting: one check box per transport. */
final class CarriersField extends KeyedField {
    private final Map<String, JCheckBox> boxes = new LinkedHashMap<>();
    private final JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));

    CarriersField(SettingKey key) {
        super(key);
        panel.setOpaque(false);
        panel.setName(key.key());
        add("udp", "UDP");
        add("mailslot", "Mailslot (Windows)");
        add("netbios", "NetBIOS");
    }

    private void add(String carrier, String text) {
        JCheckBox box = new JCheckBox(text);
        box.setName(carrier);
        boxes.put(carrier, box);
        if (panel.getComponentCount() > 0) {
            panel.add(Box.createHorizontalStrut(16));
        }
        panel.add(box);
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public String value() {
        return boxes.entrySet().stream().filter(e -> e.getValue().isSelected()).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
    }

    @Override
    public void show(String value) {
        var chosen = Arrays.stream(value.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        boxes.forEach((carrier, box) -> box.setSelected(chosen.contains(carrier)));
    }

    @Override
    public void onEdit(Runnable onEdit) {
        boxes.values().forEach(box -> box.addItemListener(e -> onEdit.run()));
    }

    JCheckBox box(String carrier) {
        return boxes.get(carrier);
    }
}
