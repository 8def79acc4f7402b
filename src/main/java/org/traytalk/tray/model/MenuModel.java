package org.traytalk.tray.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Peer;

/**
 * The whole tray menu, top to bottom. Rebuild it with {@link #of} whenever the {@link TrayModel} changes; the
 * first entry (Compose...) is also what a left click on the icon does.
 */
public record MenuModel(List<MenuEntry> entries) {
    /** Online peers the menu lists; the rest are one "More..." away, in the conversations window. */
    public static final int ONLINE_SHOWN = 50;

    /**
     * Whether "Start at logon" can be used yet and whether it is on.
     *
     * @param available false until the platform can register the app to start at logon (the entry is disabled)
     * @param on        whether it is registered now
     */
    public record Autostart(boolean available, boolean on) {
    }

    public MenuModel {
        entries = List.copyOf(entries);
    }

    public static MenuModel of(TrayModel model, Autostart autostart, TrayActions actions) {
        List<MenuEntry> menu = new ArrayList<>();
        menu.add(MenuEntry.action("compose", "Compose...", () -> actions.openCompose(Optional.empty())));
        for (String sender : model.recentSenders()) {
            int unread = model.unreadFrom(sender);
            String label = "Reply to " + PlainText.label(sender) + (unread > 0 ? " (" + unread + ")" : "");
            menu.add(MenuEntry.action("reply:" + Peer.keyOf(sender), label, () -> actions.openConversation(sender)));
        }
        menu.add(MenuEntry.separator());
        menu.add(online(model, actions));
        menu.add(MenuEntry.action("everyone", "Message everyone...",
                () -> actions.openConversation(ChatMessage.EVERYONE)));
        String conversations = "Conversations..." + (model.unreadCount() > 0 ? " (" + model.unreadCount() + " unread)" : "");
        menu.add(MenuEntry.action("conversations", conversations, actions::openConversations));
        menu.add(MenuEntry.separator());
        menu.add(MenuEntry.checkbox("dnd", "Do not disturb", true, model.dnd(), actions::toggleDnd));
        menu.add(MenuEntry.checkbox("autostart", "Start at logon", autostart.available(), autostart.on(),
                actions::toggleAutostart));
        menu.add(MenuEntry.action("settings", "Settings...", actions::openSettings));
        menu.add(MenuEntry.separator());
        menu.add(MenuEntry.action("quit", "Quit", actions::quit));
        return new MenuModel(menu);
    }

    private static MenuEntry online(TrayModel model, TrayActions actions) {
        List<String> online = model.onlinePeers();
        List<MenuEntry> peers = new ArrayList<>();
        for (String name : online.subList(0, Math.min(online.size(), ONLINE_SHOWN))) {
            peers.add(MenuEntry.action("online:" + Peer.keyOf(name), PlainText.label(name),
                    () -> actions.openConversation(name)));
        }
        if (online.size() > ONLINE_SHOWN) {
            // a menu taller than the screen is unusable, and each entry costs the tray toolkit time to build
            peers.add(MenuEntry.action("online-more", "More... (" + (online.size() - ONLINE_SHOWN) + " more)",
                    actions::openConversations));
        }
        if (peers.isEmpty()) {
            peers.add(MenuEntry.disabled("nobody-online", "Nobody online"));
        }
        return MenuEntry.submenu("online", "Online (" + online.size() + ")", peers);
    }

    /** What a left click on the icon does: the first entry, Compose... */
    public MenuEntry defaultEntry() {
        return entries.get(0);
    }

    /** The entry with this id, searching submenus too. */
    public Optional<MenuEntry> find(String id) {
        return find(entries, id);
    }

    private static Optional<MenuEntry> find(List<MenuEntry> in, String id) {
        for (MenuEntry e : in) {
            if (e.id().equals(id)) {
                return Optional.of(e);
            }
            Optional<MenuEntry> deeper = find(e.children(), id);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }
}
