package org.traytalk.tray.desktop;

import java.awt.AWTException;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JDialog;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.Timer;
import javax.swing.event.PopupMenuEvent;
import javax.swing.event.PopupMenuListener;
import org.traytalk.tray.model.IconState;
import org.traytalk.tray.model.MenuEntry;
import org.traytalk.tray.model.MenuModel;
import org.traytalk.tray.model.PlainText;

/**
 * The tray icon through Java's own {@link TrayIcon}: Windows' notification area, macOS's menu bar, and Linux tray
 * hosts that take XEmbed icons. No GTK and no native library beyond Java's own, so the icon shows quickly and
 * costs little. A click, with any button, shows the menu as a Swing popup, built when it opens (Swing and the look
 * are not loaded before). Called on the event dispatch thread.
 */
final class AwtTray implements TrayView {
    /** The longest a menu waits for its window to get the focus. */
    private static final Duration SETTLE = Duration.ofMillis(300);

    private final SystemTray tray;
    private final TrayIcon icon;
    private final TrayIcons icons;
    private final Consumer<String> clicks;
    private final Runnable prepareSwing;
    private IconState shownState;
    private MenuModel menu;
    private JDialog owner;
    private JPopupMenu pending;
    private JPopupMenu showing;

    private AwtTray(SystemTray tray, TrayIcon icon, TrayIcons icons, Consumer<String> clicks, Runnable prepareSwing) {
        this.tray = tray;
        this.icon = icon;
        this.icons = icons;
        this.clicks = clicks;
        this.prepareSwing = prepareSwing;
    }

    /**
     * The icon in the tray, or empty when Java finds no tray here.
     *
     * @param clicks       the id of the menu entry clicked
     * @param prepareSwing run once before the first Swing component is made (the look and feel)
     */
    static Optional<AwtTray> open(TrayIcons icons, Consumer<String> clicks, Runnable prepareSwing)
            throws AWTException {
        if (!SystemTray.isSupported()) {
            return Optional.empty();
        }
        SystemTray tray = SystemTray.getSystemTray();
        Dimension size = tray.getTrayIconSize();
        TrayIcon icon = new TrayIcon(icons.tray(IconState.NORMAL, size.height), "TrayTalk");
        icon.setImageAutoSize(true);
        AwtTray view = new AwtTray(tray, icon, icons, clicks, prepareSwing);
        view.shownState = IconState.NORMAL;
        icon.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseReleased(MouseEvent e) {
                if (e.getClickCount() == 1) { // the second click of a double click finds the menu open
                    view.showMenu(e.getLocationOnScreen());
                }
            }
        });
        tray.add(icon);
        return Optional.of(view);
    }

    @Override
    public void show(IconState state, String tooltip, MenuModel menu) {
        if (state != shownState) {
            icon.setImage(icons.tray(state, tray.getTrayIconSize().height));
            shownState = state;
        }
        String plain = PlainText.notHtml(tooltip);
        if (!plain.equals(icon.getToolTip())) {
            icon.setToolTip(plain);
        }
        this.menu = menu;
    }

    /** A message from the icon: on macOS it goes to Notification Center. */
    void displayMessage(String title, String text) {
        icon.displayMessage(title, text, TrayIcon.MessageType.NONE);
    }

    /**
     * The menu at the pointer. A popup needs a focused window to take keys and to close when the user clicks
     * elsewhere: an undecorated 1x1 dialog at the pointer is that window. The menu shows once that window has the
     * focus (or after {@link #SETTLE}): FlatLaf closes a menu whose window still moves or resizes, which a window
     * just put on the screen does. The dialog goes when it loses the focus to a window the menu opened, or after
     * {@link #SETTLE} when none took it: hidden at once, it would hand the focus back to the window that had it
     * before, perhaps after the new one took it.
     */
    private void showMenu(Point at) {
        if (menu == null) {
            return;
        }
        prepareSwing.run();
        if (owner == null) {
            owner = new JDialog();
            owner.setUndecorated(true);
            owner.setSize(1, 1);
            owner.addWindowFocusListener(new WindowAdapter() {
                @Override
                public void windowGainedFocus(WindowEvent e) {
                    showPending();
                }

                @Override
                public void windowLostFocus(WindowEvent e) {
                    hideOwnerIfIdle();
                }
            });
        }
        JPopupMenu popup = new JPopupMenu();
        menu.entries().forEach(e -> add(popup, e));
        popup.addPopupMenuListener(new PopupMenuListener() {
            @Override
            public void popupMenuWillBecomeVisible(PopupMenuEvent e) {
            }

            @Override
            public void popupMenuWillBecomeInvisible(PopupMenuEvent e) {
                showing = null;
                after(SETTLE, AwtTray.this::hideOwnerIfIdle);
            }

            @Override
            public void popupMenuCanceled(PopupMenuEvent e) {
            }
        });
        pending = popup;
        owner.setLocation(at);
        owner.setVisible(true);
        owner.toFront();
        owner.requestFocus();
        after(SETTLE, this::showPending);
    }

    private void showPending() {
        JPopupMenu popup = pending;
        if (popup != null && owner.isVisible()) {
            pending = null;
            showing = popup;
            popup.show(owner.getContentPane(), 0, 0);
        }
    }

    private void hideOwnerIfIdle() {
        if (pending == null && showing == null && owner.isVisible()) {
            owner.setVisible(false);
        }
    }

    private static void after(Duration delay, Runnable task) {
        Timer timer = new Timer((int) delay.toMillis(), e -> task.run());
        timer.setRepeats(false);
        timer.start();
    }

    private void add(JPopupMenu popup, MenuEntry e) {
        if (e.kind() == MenuEntry.Kind.SEPARATOR) {
            popup.addSeparator();
        } else {
            popup.add(item(e));
        }
    }

    private JMenuItem item(MenuEntry e) {
        JMenuItem item = switch (e.kind()) {
            case CHECKBOX -> new JCheckBoxMenuItem(e.label(), e.checked());
            case SUBMENU -> {
                JMenu sub = new JMenu(e.label());
                e.children().forEach(child -> {
                    if (child.kind() == MenuEntry.Kind.SEPARATOR) {
                        sub.addSeparator();
                    } else {
                        sub.add(item(child));
                    }
                });
                yield sub;
            }
            default -> new JMenuItem(e.label());
        };
        item.setName(e.id());
        item.setEnabled(e.enabled());
        if (e.kind() != MenuEntry.Kind.SUBMENU) {
            item.addActionListener(ev -> clicks.accept(e.id()));
        }
        return item;
    }

    @Override
    public String describe() {
        Dimension size = tray.getTrayIconSize();
        return "Java system tray (icon " + size.width + "x" + size.height + " px)";
    }

    @Override
    public void close() {
        tray.remove(icon);
        if (owner != null) {
            owner.dispose();
        }
    }
}
