package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.tray.model.FakeMessenger.T0;
import static org.traytalk.tray.model.FakeMessenger.inbound;
import static org.traytalk.tray.model.FakeMessenger.peer;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.model.DeliveryState;

class TrayModelTest {
    private final TrayModel model = new TrayModel("ALICE");

    @Test
    void countsUnreadPerSenderAndClearsOnOpenOrMarkAllRead() {
        model.messageReceived(inbound("BOB", "hi", T0));
        model.messageReceived(inbound("bob", "again", T0));
        model.messageReceived(inbound("CAROL", "hey", T0));
        assertThat(model.unreadCount()).isEqualTo(3);
        assertThat(model.unreadFrom("Bob")).isEqualTo(2);

        model.conversationOpened("Bob");
        assertThat(model.unreadCount()).isEqualTo(1);
        assertThat(model.unreadFrom("BOB")).isZero();

        model.markAllRead();
        assertThat(model.unreadCount()).isZero();
    }

    @Test
    void keepsFiveRecentSendersMostRecentFirstUniqueIgnoringCase() {
        for (String name : List.of("A1", "A2", "A3", "bob", "A4", "A5", "BOB")) {
            model.messageReceived(inbound(name, "x", T0));
        }
        assertThat(model.recentSenders()).containsExactly("BOB", "A5", "A4", "A3", "A2");
    }

    @Test
    void onlinePeersStaySortedAndFollowEvents() {
        model.peerOnline(peer("zed", true));
        model.peerOnline(peer("Bob", true));
        model.peerOnline(peer("carol", true));
        model.peerOnline(peer("alice", true)); // this node itself
        assertThat(model.onlinePeers()).containsExactly("Bob", "carol", "zed");

        model.peerOffline(peer("CAROL", false));
        assertThat(model.onlinePeers()).containsExactly("Bob", "zed");
    }

    @Test
    void attachSubscribesAndLoadsWhoIsOnline() throws Exception {
        FakeMessenger messenger = new FakeMessenger();
        messenger.peers.addAll(List.of(peer("DAVE", true), peer("ERIN", false), peer("BOB", true)));
        AutoCloseable subscription = model.attach(messenger, Runnable::run);
        assertThat(model.onlinePeers()).containsExactly("BOB", "DAVE");

        messenger.listeners.forEach(l -> l.messageReceived(inbound("DAVE", "hi", T0)));
        assertThat(model.unreadCount()).isEqualTo(1);
        subscription.close();
        assertThat(messenger.listeners).isEmpty();
    }

    @Test
    void iconStatePrecedenceIsErrorThenDndThenUnread() {
        assertThat(model.iconState()).isEqualTo(IconState.NORMAL);
        model.messageReceived(inbound("BOB", "hi", T0));
        assertThat(model.iconState()).isEqualTo(IconState.UNREAD);
        model.setDnd(true);
        assertThat(model.iconState()).isEqualTo(IconState.DND);
        model.setNoNetwork(true);
        assertThat(model.iconState()).isEqualTo(IconState.ERROR);
        model.setNoNetwork(false);
        model.problem("Carrier udp could not start");
        assertThat(model.iconState()).isEqualTo(IconState.ERROR);
        model.clearProblem();
        model.setDnd(false);
        model.markAllRead();
        assertThat(model.iconState()).isEqualTo(IconState.NORMAL);
    }

    @Test
    void aProblemClearsWhenSomethingGetsThrough() {
        model.problem("store error");
        model.messageUpdated(inbound("BOB", "x", T0).withState(DeliveryState.FAILED, T0, List.of()));
        assertThat(model.problem()).contains("store error");
        model.messageUpdated(inbound("BOB", "x", T0).withState(DeliveryState.SENT, T0, List.of()));
        assertThat(model.problem()).isEmpty();

        model.problem("again");
        model.peerOnline(peer("BOB", true));
        assertThat(model.problem()).isEmpty();
    }

    @Test
    void tooltipNamesNodePeersUnreadAndTrouble() {
        model.peerOnline(peer("BOB", true));
        model.peerOnline(peer("CAROL", true));
        model.peerOnline(peer("DAVE", true));
        assertThat(model.tooltip()).isEqualTo("TrayTalk - ALICE - 3 online");
        model.messageReceived(inbound("BOB", "1", T0));
        model.messageReceived(inbound("BOB", "2", T0));
        assertThat(model.tooltip()).isEqualTo("TrayTalk - ALICE - 3 online - 2 unread");
        model.setDnd(true);
        model.problem("Store\nfailed");
        assertThat(model.tooltip()).isEqualTo("TrayTalk - ALICE - 3 online - 2 unread - do not disturb - Store failed");
        model.setNoNetwork(true);
        assertThat(model.tooltip()).endsWith("do not disturb - no network");
    }

    @Test
    void tooltipIsClippedToWhatWindowsShows() {
        model.problem("x".repeat(500));
        assertThat(model.tooltip()).hasSize(TrayModel.TOOLTIP_CHARS).endsWith("\u2026");
    }

    @Test
    void changeListenersHearEveryChangeButNotNoOps() {
        List<String> calls = new ArrayList<>();
        model.onChange(() -> calls.add("changed"));
        model.peerOnline(peer("BOB", true));
        model.peerOnline(peer("BOB", true));
        model.setDnd(true);
        model.setDnd(true);
        model.markAllRead();
        model.messageReceived(inbound("BOB", "hi", T0));
        model.conversationOpened("bob");
        model.peerOffline(peer("BOB", false));
        assertThat(calls).hasSize(5);
    }
}
