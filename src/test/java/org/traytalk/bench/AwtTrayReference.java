package org.traytalk.bench;

import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import javax.imageio.ImageIO;

/**
 * The least a Java tray app can cost: Java's own {@link TrayIcon} with TrayTalk's bubble and a one-entry menu, no
 * network, no store. The footprint benchmark measures it beside TrayTalk, in the same run.
 */
public final class AwtTrayReference {
    private AwtTrayReference() {
    }

    public static void main(String[] args) throws Exception {
        BufferedImage image;
        try (InputStream in = AwtTrayReference.class.getResourceAsStream("/org/traytalk/tray/icons/tray-normal-24.png")) {
            image = ImageIO.read(in);
        }
        PopupMenu menu = new PopupMenu();
        MenuItem quit = new MenuItem("Quit");
        quit.addActionListener(e -> System.exit(0));
        menu.add(quit);
        TrayIcon icon = new TrayIcon(image, "AWT tray reference", menu);
        icon.setImageAutoSize(true);
        SystemTray.getSystemTray().add(icon);
    }
}
