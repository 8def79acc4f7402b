package org.traytalk.tray.window;

import java.awt.Font;
import java.awt.KeyboardFocusManager;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * A fingerprint as people read it out and compare it: large, fixed-width, three groups a line (so the groups line
 * up wherever it is shown: About, Settings, the review of a changed key), selectable to copy, not editable.
 */
final class CodeText {
    private CodeText() {
    }

    static JTextArea area() {
        JTextArea area = new JTextArea(2, 14);
        area.setEditable(false);
        area.setFont(new Font(Font.MONOSPACED, Font.BOLD, new JLabel().getFont().getSize() + 5));
        area.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createLineBorder(UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(6, 10, 6, 10)));
        // it takes the keyboard (to select and copy the code), and Tab leaves it instead of being swallowed
        area.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, null);
        area.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS, null);
        return area;
    }

    static JTextArea area(String code) {
        JTextArea area = area();
        area.setText(inTwoLines(code));
        return area;
    }

    /** "ABCD-EFGH-IJKL-MNOP-QRST-UVWX" as "ABCD-EFGH-IJKL" over "MNOP-QRST-UVWX". */
    static String inTwoLines(String code) {
        int middle = code.indexOf('-', code.length() / 2 - 1);
        return middle < 0 ? code : code.substring(0, middle) + "\n" + code.substring(middle + 1);
    }

    /** What an area shows, back on one line. */
    static String of(JTextArea area) {
        return area.getText().replace('\n', '-');
    }
}
