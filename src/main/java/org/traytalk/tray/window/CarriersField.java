package org.traytalk.tray.window;

import java.awt.FlowLayout;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.swing.Box;
import javax.swing.JCheckBox;
import javax.swing.JPanel;
import org.traytalk.config.SettingKey;

/** The carriers setting: one check box per transport. */
final class CarriersField extends KeyedField<JPanel> {
    private final Map<String, JCheckBox> boxes = new LinkedHashMap<>();

    CarriersField(SettingKey key) {
        super(key, new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0)));
        input.setOpaque(false);
        add("udp", "UDP");
        add("mailslot", "Mailslot (Windows)");
        add("netbios", "NetBIOS");
    }

    private void add(String carrier, String text) {
        JCheckBox box = new JCheckBox(text);
        box.setName(carrier);
        boxes.put(carrier, box);
        if (input.getComponentCount() > 0) {
            input.add(Box.createHorizontalStrut(16));
        }
        input.add(box);
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
