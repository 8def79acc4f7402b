package org.traytalk.tray.desktop;

import java.util.function.Supplier;
import org.traytalk.tray.model.IconBlink;
import org.traytalk.tray.model.MenuEntry;
import org.traytalk.tray.model.MenuModel;
import org.traytalk.tray.model.Redraws;
import org.traytalk.tray.model.TrayActions;
import org.traytalk.tray.model.TrayModel;
import org.traytalk.tray.model.TrayTimers;

/**
 * Shows the tray model in a view once the UI thread has handled what is queued, at most a few times a second
 * ({@link Redraws}), and runs the view's clicks against the menu shown. Changes in quick succession (a burst of
 * messages, thousands of peers coming online) are shown together: a tray may take a while per update (Dorkbox
 * rebuilds a GTK menu on its own thread; the window without a tray lays out every entry), and a queue of stale
 * updates would keep it busy long after the burst. A blinking icon ({@link IconBlink}) changes only the image, and
 * not while a redraw is due.
 */
final class TrayPresenter {
    private final TrayModel model;
    private final Supplier<MenuModel.Autostart> autostart;
    private final TrayActions actions;
    private final Redraws redraws;
    private final IconBlink blink;
    private TrayView view;
    private MenuModel menu;
    private String tooltip;
    private boolean stopped;

    /**
     * @param timers      pace the redraws: tasks on the UI thread, after what is queued there ({@link SwingTimers})
     * @param blinkTimers the blink's timers, on the UI thread (the same in the app; apart in tests)
     */
    TrayPresenter(TrayModel model, Supplier<MenuModel.Autostart> autostart, TrayActions actions, TrayTimers timers,
                  TrayTimers blinkTimers) {
        this.model = model;
        this.autostart = autostart;
        this.actions = actions;
        this.redraws = new Redraws(timers, Redraws.GAP, this::render);
        this.blink = new IconBlink(blinkTimers, this::blinked);
    }

    /** From now on the model shows in {@code target}; returns the handle that stops it. */
    AutoCloseable showIn(TrayView target) {
        this.view = target;
        AutoCloseable subscription = model.onChange(redraws::request);
        render();
        return () -> {
            subscription.close();
            stopped = true;
            redraws.stop();
            blink.setEnabled(false);
        };
    }

    /** Setting {@code tray.blink}: the icon blinks while something is unread. */
    void setBlinking(boolean on) {
        if (!stopped) {
            blink.setEnabled(on);
            redraws.request();
        }
    }

    void render() {
        menu = MenuModel.of(model, autostart.get(), actions);
        tooltip = model.tooltip();
        blink.follow(model.iconState());
        if (view != null) {
            view.show(blink.shown(), tooltip, menu);
        }
    }

    /** The other icon of a blink; an update on its way shows it anyway. */
    private void blinked() {
        if (view != null && menu != null && !redraws.due() && !stopped) {
            view.show(blink.shown(), tooltip, menu);
        }
    }

    /** A click on the entry with {@code id}; afterwards the view is brought back in line (ticks, labels). */
    void click(String id) {
        if (menu != null) {
            menu.find(id).ifPresent(MenuEntry::click);
        }
        render();
    }

    /** What a left click on the icon, or a double click, does: the first entry (Compose...). */
    void openDefault() {
        if (menu != null) {
            menu.defaultEntry().click();
        }
    }
}
