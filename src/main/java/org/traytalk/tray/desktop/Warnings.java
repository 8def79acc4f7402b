package org.traytalk.tray.desktop;

import com.formdev.flatlaf.FlatLaf;
import java.awt.Color;

/**
 * The colours that say "careful", readable on the light and the dark look: caution for a peer that cannot be
 * verified, danger for a changed key (someone may be posing as a peer), and the danger banner's background.
 */
public final class Warnings {
    private Warnings() {
    }

    /** Text saying "not verified". */
    public static Color caution() {
        return FlatLaf.isLafDark() ? new Color(0xFFB74D) : new Color(0xA15C00);
    }

    /** Text saying that someone may be posing as a peer. */
    public static Color danger() {
        return FlatLaf.isLafDark() ? new Color(0xFF8A80) : new Color(0xC62828);
    }

    /** Behind a danger banner. */
    public static Color dangerBackground() {
        return FlatLaf.isLafDark() ? new Color(0x4A1F1F) : new Color(0xFDECEA);
    }
}
