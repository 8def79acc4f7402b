package org.traytalk.tray.desktop;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLightLaf;
import javax.swing.UIManager;

/** FlatLaf, light or dark as the desktop is, with slightly rounder corners than its defaults. */
final class Theme {
    private Theme() {
    }

    /** Installs the look; returns false when it could not (the Java default look stays, which still works). */
    static boolean apply(boolean dark) {
        boolean ok = dark ? FlatDarkLaf.setup() : FlatLightLaf.setup();
        UIManager.put("Button.arc", 8);
        UIManager.put("Component.arc", 8);
        UIManager.put("TextComponent.arc", 6);
        UIManager.put("ScrollBar.showButtons", false);
        return ok;
    }
}
