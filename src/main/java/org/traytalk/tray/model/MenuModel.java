package org.traytalk.tray.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;

/**
 * The whole tray menu, top to bottom. Rebuild it with {@link #of} whenever the {@link TrayModel} changes. Key
 * changes waiting for review come first; Compose... is also what a left click on the icon does.
 */
public record MenuModel(List<MenuEntry> entries) {
    /** Online peers the menu lists; the rest are one "More..." away, in the conversations window. */
    public static final int ONLINE_SHOWN = 50;
    /** Key changes the menu lists one by one; more are one "More key changes..." away. */
    public static final int KEY_CHANGES_SHOWN = 3;

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
        List<MenuEntry> menu = new ArrayList<>(keyChanges(model.keyChanges(), actions));
        menu.add(MenuEntry.action("compose", "Compose...", () -> actions.openCompose(Optional.empty())));
        for (String sender : model.recentSenders()) {
            int unread = model.unreadFrom(sender);
            String label = "Reply to " + model.label(sender) + (unread > 0 ? " (" + unread + ")" : "");
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
        menu.add(MenuEntry.action("about", "About TrayTalk...", actions::openAbout));
        menu.add(MenuEntry.separator());
        menu.add(MenuEntry.action("quit", "Quit", actions::quit));
        return new MenuModel(menu);
    }

    /** One entry per key change up to {@link #KEY_CHANGES_SHOWN}, then one for the rest; a separator below. */
    private static List<MenuEntry> keyChanges(List<KeyChange> changes, TrayActions actions) {
        List<MenuEntry> entries = new ArrayList<>();
        for (KeyChange c : changes.subList(0, Math.min(changes.size(), KEY_CHANGES_SHOWN))) {
            entries.add(MenuEntry.action("keychange:" + Peer.keyOf(c.name()), KeyChangeReview.menuLabel(c),
                    () -> actions.reviewKeyChange(c.name())));
        }
        if (changes.size() > KEY_CHANGES_SHOWN) {
            // an attacker can make up any number of names: the menu stays short, the review walks through them
            KeyChange next = changes.get(KEY_CHANGES_SHOWN);
            entries.add(MenuEntry.action("keychange-more", "More key changes (" + (changes.size() - KEY_CHANGES_SHOWN)
                    + " more)...", () -> actions.reviewKeyChange(next.name())));
        }
        if (!entries.isEmpty()) {
            entries.add(MenuEntry.separator());
        }
        return entries;
    }

    private static MenuEntry online(TrayModel model, TrayActions actions) {
        List<String> online = model.onlinePeers();
        List<MenuEntry> peers = new ArrayList<>();
        for (String name : online.subList(0, Math.min(online.size(), ONLINE_SHOWN))) {
            peers.add(MenuEntry.action("online:" + Peer.keyOf(name), model.onlineLabel(name),
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

    /** What a left click on the icon does: Compose... */
    public MenuEntry defaultEntry() {
        return find("compose").orElseThrow();
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
