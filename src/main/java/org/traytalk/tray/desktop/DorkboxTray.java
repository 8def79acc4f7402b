package org.traytalk.tray.desktop;

import dorkbox.systemTray.Checkbox;
import dorkbox.systemTray.Entry;
import dorkbox.systemTray.Menu;
import dorkbox.systemTray.MenuItem;
import dorkbox.systemTray.Separator;
import dorkbox.systemTray.SystemTray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.tray.model.IconState;
import org.traytalk.tray.model.MenuEntry;
import org.traytalk.tray.model.MenuModel;

/**
 * The system tray icon through Dorkbox SystemTray. The menu is rebuilt only when its entries change; ticks and
 * enabled states are updated in place. Dorkbox calls back on its own thread: clicks hop to the UI thread.
 */
final class DorkboxTray implements TrayView {
    private static final Logger LOG = LoggerFactory.getLogger(DorkboxTray.class);

    private final SystemTray tray;
    private final TrayIcons icons;
    private final Executor uiThread;
    private final Consumer<String> clicks;
    private final Map<String, Entry> shown = new HashMap<>();
    private List<String> shape = List.of();
    private IconState shownState;
    private String shownTooltip;

    private DorkboxTray(SystemTray tray, TrayIcons icons, Executor uiThread, Consumer<String> clicks) {
        this.tray = tray;
        this.icons = icons;
        this.uiThread = uiThread;
        this.clicks = clicks;
    }

    /** The tray icon, or empty when Dorkbox finds no tray on this desktop (it logs why). */
    static Optional<DorkboxTray> open(TrayIcons icons, Executor uiThread, Consumer<String> clicks) {
        if (!DorkboxUpdates.ensureOff()) {
            LOG.warn("Dorkbox's update check was on until now: DorkboxUpdates.switchOff() must run first in main");
        }
        SystemTray tray = SystemTray.get("TrayTalk");
        return Optional.ofNullable(tray).map(t -> new DorkboxTray(t, icons, uiThread, clicks));
    }

    @Override
    public void show(IconState state, String tooltip, MenuModel menu) {
        if (state != shownState) {
            tray.setImage(icons.tray(state, tray.getTrayImageSize()));
            shownState = state;
        }
        if (!tooltip.equals(shownTooltip)) {
            tray.setTooltip(tooltip);
            shownTooltip = tooltip;
        }
        List<String> newShape = shapeOf(menu.entries());
        if (!newShape.equals(shape)) {
            rebuild(menu);
            shape = newShape;
        } else {
            refresh(menu.entries());
        }
    }

    @Override
    public String describe() {
        return "Dorkbox " + tray.getType() + " tray (icon " + tray.getTrayImageSize() + " px)";
    }

    @Override
    public void close() {
        tray.shutdown();
    }

    private void rebuild(MenuModel menu) {
        Menu root = tray.getMenu();
        for (Entry e : new ArrayList<>(root.getEntries())) {
            root.remove(e);
        }
        shown.clear();
        menu.entries().forEach(e -> root.add(entryFor(e)));
    }

    private Entry entryFor(MenuEntry e) {
        Entry entry = switch (e.kind()) {
            case SEPARATOR -> new Separator();
            case ACTION -> {
                MenuItem item = new MenuItem(e.label(), ev -> click(e.id()));
                item.setEnabled(e.enabled());
                yield item;
            }
            case CHECKBOX -> {
                Checkbox box = new Checkbox(e.label(), ev -> click(e.id()));
                box.setChecked(e.checked());
                box.setEnabled(e.enabled());
                yield box;
            }
            case SUBMENU -> {
                Menu sub = new Menu(e.label());
                e.children().forEach(child -> sub.add(entryFor(child)));
                yield sub;
            }
        };
        shown.put(e.id(), entry);
        return entry;
    }

    /** Same entries as shown: labels (unread counts), ticks and enabled states may differ; each is set in place. */
    private void refresh(List<MenuEntry> entries) {
        for (MenuEntry e : entries) {
            Entry entry = shown.get(e.id());
            if (entry instanceof Checkbox box) {
                setText(box.getText(), e.label(), box::setText);
                box.setChecked(e.checked());
                box.setEnabled(e.enabled());
            } else if (entry instanceof MenuItem item) {
                setText(item.getText(), e.label(), item::setText);
                item.setEnabled(e.enabled());
            }
            refresh(e.children());
        }
    }

    /** Each setter is a round trip to the tray's own thread: only what changed is set. */
    private static void setText(String shown, String wanted, Consumer<String> setter) {
        if (!wanted.equals(shown)) {
            setter.accept(wanted);
        }
    }

    /** By id, on the UI thread, so a click always runs against the current menu model. */
    private void click(String id) {
        uiThread.execute(() -> clicks.accept(id));
    }

    /** Kinds and ids of every entry in order: when this changes the menu is rebuilt (labels are set in place). */
    static List<String> shapeOf(List<MenuEntry> entries) {
        List<String> out = new ArrayList<>();
        for (MenuEntry e : entries) {
            out.add(e.kind() + "|" + e.id());
            if (!e.children().isEmpty()) {
                out.add("[");
                out.addAll(shapeOf(e.children()));
                out.add("]");
            }
        }
        return out;
    }
}
