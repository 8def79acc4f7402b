package org.traytalk.tray.desktop;

import java.util.function.Supplier;
import org.traytalk.tray.model.MenuEntry;
import org.traytalk.tray.model.MenuModel;
import org.traytalk.tray.model.TrayActions;
import org.traytalk.tray.model.TrayModel;

/** Shows the tray model in a view after every change and runs the view's clicks against the current menu. */
final class TrayPresenter {
    private final TrayModel model;
    private final Supplier<MenuModel.Autostart> autostart;
    private final TrayActions actions;
    private TrayView view;
    private MenuModel menu;

    TrayPresenter(TrayModel model, Supplier<MenuModel.Autostart> autostart, TrayActions actions) {
        this.model = model;
        this.autostart = autostart;
        this.actions = actions;
    }

    /** From now on the model shows in {@code target}; returns the handle that stops it. */
    AutoCloseable showIn(TrayView target) {
        this.view = target;
        AutoCloseable subscription = model.onChange(this::render);
        render();
        return subscription;
    }

    void render() {
        menu = MenuModel.of(model, autostart.get(), actions);
        if (view != null) {
            view.show(model.iconState(), model.tooltip(), menu);
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
