package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.T0;
import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.keyChange;
import static org.traytalk.testing.FakeMessenger.legacyPeer;
import static org.traytalk.testing.FakeMessenger.peer;
import static org.traytalk.testing.FakeMessenger.unverifiedInbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Status;
import org.traytalk.tray.model.MenuEntry.Kind;

class MenuModelTest {
    private final TrayModel model = new TrayModel("ALICE");
    private final RecordingActions actions = new RecordingActions();
    private final MenuModel.Autostart autostartUnavailable = new MenuModel.Autostart(false, false);

    private MenuModel menu() {
        return MenuModel.of(model, autostartUnavailable, actions);
    }

    private static List<String> ids(List<MenuEntry> entries) {
        return entries.stream().map(MenuEntry::id).toList();
    }

    @Test
    void listsEntriesInOrderWithOneReplyPerRecentSender() {
        model.messageReceived(inbound("CAROL", "x", T0));
        model.messageReceived(inbound("BOB", "x", T0));
        model.messageReceived(inbound("BOB", "y", T0));
        MenuModel menu = menu();
        assertThat(ids(menu.entries())).containsExactly("compose", "reply:BOB", "reply:CAROL", "-", "online",
                "everyone", "conversations", "-", "dnd", "autostart", "settings", "about", "-", "quit");
        assertThat(menu.find("reply:BOB").orElseThrow().label()).isEqualTo("Reply to BOB (2)");
        assertThat(menu.defaultEntry().label()).isEqualTo("Compose...");
    }

    @Test
    void onlineSubmenuFollowsPeersComingAndGoing() {
        MenuEntry empty = menu().find("online").orElseThrow();
        assertThat(empty.kind()).isEqualTo(Kind.SUBMENU);
        assertThat(empty.children()).singleElement()
                .satisfies(e -> assertThat(e.label()).isEqualTo("Nobody online"))
                .satisfies(e -> assertThat(e.enabled()).isFalse());

        model.peerOnline(peer("dave", true));
        model.peerOnline(peer("BOB", true));
        MenuEntry two = menu().find("online").orElseThrow();
        assertThat(two.label()).isEqualTo("Online (2)");
        assertThat(two.children()).extracting(MenuEntry::label).containsExactly("BOB", "dave");

        model.peerOffline(peer("BOB", false));
        assertThat(menu().find("online").orElseThrow().children()).extracting(MenuEntry::label)
                .containsExactly("dave");
    }

    @Test
    void onlinePeersShowWhetherTheyAreAwayAndTheirStatusLine() {
        model.peerOnline(peer("BOB", true));
        model.peerOnline(peer("Carol", true));
        model.statusChanged("BOB", new Status(true, "back at 2"));
        model.statusChanged("Carol", new Status(false, "in a meeting until 3"));
        assertThat(menu().find("online").orElseThrow().children()).extracting(MenuEntry::label)
                .containsExactly("BOB (away) - back at 2", "Carol - in a meeting until 3");
        menu().find("online:BOB").orElseThrow().click();
        assertThat(actions.calls).as("the action gets the name, not the label").containsExactly("conversation:BOB");
    }

    @Test
    void eachEntryCallsItsAction() {
        model.messageReceived(inbound("Bob", "x", T0));
        model.peerOnline(peer("Dave", true));
        MenuModel menu = menu();
        for (String id : List.of("compose", "reply:BOB", "online:DAVE", "everyone", "conversations", "dnd",
                "settings", "about", "quit")) {
            menu.find(id).orElseThrow().click();
        }
        assertThat(actions.calls).containsExactly("compose:", "conversation:Bob", "conversation:Dave",
                "conversation:*", "conversations", "dnd", "settings", "about", "quit");
    }

    @Test
    void checkboxesShowStateAndAutostartCanBeDisabled() {
        model.setDnd(true);
        MenuModel menu = MenuModel.of(model, new MenuModel.Autostart(false, false), actions);
        MenuEntry dnd = menu.find("dnd").orElseThrow();
        assertThat(dnd.kind()).isEqualTo(Kind.CHECKBOX);
        assertThat(dnd.checked()).isTrue();
        MenuEntry autostart = menu.find("autostart").orElseThrow();
        assertThat(autostart.enabled()).isFalse();
        autostart.click();
        assertThat(actions.calls).isEmpty();

        MenuEntry available = MenuModel.of(model, new MenuModel.Autostart(true, true), actions)
                .find("autostart").orElseThrow();
        assertThat(available.enabled()).isTrue();
        assertThat(available.checked()).isTrue();
        available.click();
        assertThat(actions.calls).containsExactly("autostart");
    }

    @Test
    void namesFromTheNetworkBecomeSafeLabelsButActionsGetTheRealName() {
        String spoof = "EVIL\u202Etxt.exe\u0007";
        String html = "<html><img src=x>";
        String longName = "N".repeat(40);
        for (String name : List.of(spoof, html, longName)) {
            model.peerOnline(peer(name, true));
        }
        List<MenuEntry> online = menu().find("online").orElseThrow().children();
        assertThat(online).extracting(MenuEntry::label).containsExactly(
                "\u200B<html><img src=x>", "EVILtxt.exe", "N".repeat(31) + "\u2026");
        online.get(1).click();
        assertThat(actions.calls).containsExactly("conversation:" + spoof);
    }

    @Test
    void atMostFiftyOnlinePeersAreListedAndMoreOpensTheConversations() {
        for (int i = 0; i < 2_932; i++) {
            model.peerOnline(peer(String.format("FAKE%04d", i), true));
        }
        MenuEntry online = menu().find("online").orElseThrow();
        assertThat(online.label()).isEqualTo("Online (2932)");
        assertThat(online.children()).hasSize(MenuModel.ONLINE_SHOWN + 1);
        assertThat(online.children().get(0).label()).isEqualTo("FAKE0000");
        assertThat(online.children().get(MenuModel.ONLINE_SHOWN - 1).label()).isEqualTo("FAKE0049");
        MenuEntry more = online.children().get(MenuModel.ONLINE_SHOWN);
        assertThat(more.label()).isEqualTo("More... (2882 more)");
        more.click();
        assertThat(actions.calls).containsExactly("conversations");

        for (int i = MenuModel.ONLINE_SHOWN; i < 2_932; i++) {
            model.peerOffline(peer(String.format("FAKE%04d", i), false));
        }
        assertThat(menu().find("online").orElseThrow().children()).hasSize(MenuModel.ONLINE_SHOWN)
                .noneMatch(e -> e.id().equals("online-more"));
    }

    @Test
    void peersThatCannotBeVerifiedAreMarkedWhereverTheMenuNamesThem() {
        model.peerOnline(legacyPeer("WINPC", true));
        model.peerOnline(peer("BOB", true));
        model.messageReceived(unverifiedInbound(3, "WINPC", "hi"));
        MenuModel menu = menu();
        assertThat(menu.find("online").orElseThrow().children()).extracting(MenuEntry::label)
                .containsExactly("BOB", "WINPC (not verified)");
        assertThat(menu.find("reply:WINPC").orElseThrow().label()).isEqualTo("Reply to WINPC (not verified) (1)");
        menu.find("online:WINPC").orElseThrow().click();
        assertThat(actions.calls).containsExactly("conversation:WINPC");
    }

    @Test
    void keyChangesWaitingForReviewComeFirstAndLeftClickStillComposes() {
        model.setKeyChanges(List.of(keyChange("BOB", 1, 2)));
        MenuModel menu = menu();
        assertThat(ids(menu.entries())).startsWith("keychange:BOB", "-", "compose");
        assertThat(menu.entries().get(0).label()).isEqualTo("BOB's key changed: review...");
        assertThat(menu.defaultEntry().id()).isEqualTo("compose");
        menu.entries().get(0).click();
        assertThat(actions.calls).containsExactly("review:BOB");

        model.setKeyChanges(List.of());
        assertThat(menu().entries().get(0).id()).isEqualTo("compose");
    }

    @Test
    void anyNumberOfKeyChangesKeepsTheMenuShort() {
        List<KeyChange> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(keyChange(String.format("FAKE%02d", i), i, 0));
        }
        model.setKeyChanges(many);
        MenuModel menu = menu();
        assertThat(ids(menu.entries())).startsWith("keychange:FAKE00", "keychange:FAKE01", "keychange:FAKE02",
                "keychange-more", "-", "compose");
        MenuEntry more = menu.find("keychange-more").orElseThrow();
        assertThat(more.label()).isEqualTo("More key changes (37 more)...");
        more.click();
        assertThat(actions.calls).containsExactly("review:FAKE03");
    }

    /** Records which action ran, with its recipient. */
    static final class RecordingActions implements TrayActions {
        final List<String> calls = new ArrayList<>();

        @Override
        public void openCompose(Optional<String> to) {
            calls.add("compose:" + to.orElse(""));
        }

        @Override
        public void openConversations() {
            calls.add("conversations");
        }

        @Override
        public void openConversation(String peer) {
            calls.add("conversation:" + peer);
        }

        @Override
        public void openSettings() {
            calls.add("settings");
        }

        @Override
        public void openAbout() {
            calls.add("about");
        }

        @Override
        public void reviewKeyChange(String name) {
            calls.add("review:" + name);
        }

        @Override
        public void toggleDnd() {
            calls.add("dnd");
        }

        @Override
        public void toggleAutostart() {
            calls.add("autostart");
        }

        @Override
        public void quit() {
            calls.add("quit");
        }
    }
}
