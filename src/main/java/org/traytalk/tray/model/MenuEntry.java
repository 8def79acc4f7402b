package org.traytalk.tray.model;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the tray menu, ready to render: the label is plain text that is safe to give any menu toolkit.
 *
 * @param kind     how to render it
 * @param id       stable id for tests and logs, e.g. "compose", "reply:BOB", "online:ALICE", "dnd"
 * @param label    what to show; empty for a separator
 * @param enabled  whether it can be clicked
 * @param checked  for a checkbox, whether it is ticked
 * @param children for a submenu, its entries
 * @param action   what a click does; does nothing for separators and submenus
 */
public record MenuEntry(Kind kind, String id, String label, boolean enabled, boolean checked,
                        List<MenuEntry> children, Runnable action) {

    public enum Kind { ACTION, CHECKBOX, SUBMENU, SEPARATOR }

    private static final Runnable NOTHING = () -> { };

    public MenuEntry {
        Objects.requireNonNull(kind);
        children = List.copyOf(children);
        action = action == null ? NOTHING : action;
    }

    static MenuEntry action(String id, String label, Runnable action) {
        return new MenuEntry(Kind.ACTION, id, label, true, false, List.of(), action);
    }

    static MenuEntry disabled(String id, String label) {
        return new MenuEntry(Kind.ACTION, id, label, false, false, List.of(), NOTHING);
    }

    static MenuEntry checkbox(String id, String label, boolean enabled, boolean checked, Runnable action) {
        return new MenuEntry(Kind.CHECKBOX, id, label, enabled, checked, List.of(), action);
    }

    static MenuEntry submenu(String id, String label, List<MenuEntry> children) {
        return new MenuEntry(Kind.SUBMENU, id, label, true, false, children, NOTHING);
    }

    static MenuEntry separator() {
        return new MenuEntry(Kind.SEPARATOR, "-", "", false, false, List.of(), NOTHING);
    }

    /** Runs the action if the entry is enabled; what the toolkit's click callback calls. */
    public void click() {
        if (enabled) {
            action.run();
        }
    }
}
