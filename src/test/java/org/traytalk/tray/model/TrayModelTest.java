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
import org.junit.jupiter.api.Test;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;
import org.traytalk.testing.FakeMessenger;

class TrayModelTest {
    private final TrayModel model = new TrayModel("ALICE");

    /** What the store says after the user read {@code last}'s conversation up to it. */
    private static Conversation read(ChatMessage last) {
        return new Conversation(Conversation.keyOf(last), last.peer(), true, 0, last);
    }

    @Test
    void countsUnreadPerConversationAndFollowsWhatWasRead() {
        model.messageReceived(inbound("BOB", "hi", T0));
        ChatMessage again = inbound("bob", "again", T0);
        model.messageReceived(again);
        model.messageReceived(again); // the same message told twice counts once
        ChatMessage hey = inbound("CAROL", "hey", T0);
        model.messageReceived(hey);
        assertThat(model.unreadCount()).isEqualTo(3);
        assertThat(model.unreadFrom("Bob")).isEqualTo(2);

        model.conversationRead(read(again));
        assertThat(model.unreadCount()).isEqualTo(1);
        assertThat(model.unreadFrom("BOB")).isZero();

        model.conversationRead(read(hey));
        assertThat(model.unreadCount()).isZero();
    }

    @Test
    void aReadOlderThanWhatArrivedSinceLeavesTheNewerUnread() {
        ChatMessage first = inbound("BOB", "1", T0);
        model.messageReceived(first);
        model.messageReceived(inbound("BOB", "2", T0));
        model.conversationRead(read(first));
        assertThat(model.unreadFrom("BOB")).as("the store's count was for an older state").isEqualTo(2);
    }

    @Test
    void attachLoadsWhatIsUnreadFromTheStore() {
        FakeMessenger messenger = new FakeMessenger();
        ChatMessage last = inbound("BOB", "x", T0);
        messenger.conversations.add(new Conversation("BOB", "BOB", true, 4, last));
        messenger.conversations.add(new Conversation("*", "*", false, 1, inbound("DAVE", "all", T0)));
        model.attach(messenger, Runnable::run);
        assertThat(model.unreadCount()).isEqualTo(5);
        assertThat(model.iconState()).isEqualTo(IconState.UNREAD);
        model.messageReceived(last);
        assertThat(model.unreadFrom("BOB")).as("already counted by the store").isEqualTo(4);
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

        messenger.fire(l -> l.messageReceived(inbound("DAVE", "hi", T0)));
        assertThat(model.unreadCount()).isEqualTo(1);
        subscription.close();
        assertThat(messenger.subscriberCount()).isZero();
    }

    @Test
    void iconStatePrecedenceIsErrorThenDndThenUnread() {
        assertThat(model.iconState()).isEqualTo(IconState.NORMAL);
        ChatMessage hi = inbound("BOB", "hi", T0);
        model.messageReceived(hi);
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
        assertThat(model.iconState()).isEqualTo(IconState.UNREAD);
        model.conversationRead(read(hi));
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
    void tooltipShowsThisUsersAwayAndStatusLineButNotAPeers() {
        model.statusChanged("alice", new Status(true, "in a meeting\nuntil 3"));
        assertThat(model.tooltip()).isEqualTo("TrayTalk - ALICE - 0 online - away - in a meeting until 3");
        model.statusChanged("BOB", new Status(false, "not me"));
        assertThat(model.status()).isEqualTo(new Status(true, "in a meeting\nuntil 3"));
    }

    @Test
    void peersAwayAreCountedInTheTooltipAndRedrawnLiveOnlyWhenOnline() {
        List<String> calls = new ArrayList<>();
        model.onChange(() -> calls.add("changed"));
        model.peerOnline(peer("BOB", true));
        model.peerOnline(peer("CAROL", true));
        model.statusChanged("BOB", new Status(true, "at lunch"));
        model.statusChanged("BOB", new Status(true, "at lunch")); // told again: nothing to redraw
        assertThat(model.tooltip()).isEqualTo("TrayTalk - ALICE - 2 online (1 away)");
        assertThat(model.onlineLabel("bob")).isEqualTo("bob (away) - at lunch");
        assertThat(model.onlineLabel("CAROL")).isEqualTo("CAROL");
        model.statusChanged("DAVE", new Status(true, "")); // not online here (yet): not in the menu
        assertThat(calls).hasSize(3);

        model.peerOffline(peer("BOB", false, new Status(true, "at lunch")));
        assertThat(model.tooltip()).isEqualTo("TrayTalk - ALICE - 1 online");
        model.peerOnline(peer("BOB", true));
        assertThat(model.onlineLabel("BOB")).as("back, with what it announces now").isEqualTo("BOB");
    }

    @Test
    void theRosterAtStartBringsStatusesAndTheOriginalProgramsPeersShowNone() {
        FakeMessenger messenger = new FakeMessenger();
        messenger.peers.add(peer("BOB", true, new Status(false, "in a meeting until 3")));
        Peer winpc = FakeMessenger.legacyPeer("WINPC", true);
        messenger.peers.add(new Peer("WINPC", winpc.address(), T0, true, 0, null, new Status(true, "claimed")));
        model.attach(messenger, Runnable::run);
        assertThat(model.onlineLabel("BOB")).isEqualTo("BOB - in a meeting until 3");
        assertThat(model.onlineLabel("WINPC")).as("only the mark, not what it claims").isEqualTo("WINPC (not verified)");
        assertThat(model.tooltip()).isEqualTo("TrayTalk - ALICE - 2 online");
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
        ChatMessage hi = inbound("BOB", "hi", T0);
        model.messageReceived(hi);
        model.conversationRead(read(hi));
        model.conversationRead(read(hi));
        model.peerOffline(peer("BOB", false));
        model.problem("UDP carrier cannot receive");
        model.problem("UDP carrier cannot receive"); // the same cause again: nothing to redraw
        assertThat(calls).hasSize(6);
    }

    @Test
    void peersOfTheOriginalProgramAreMarkedNotVerified() {
        FakeMessenger messenger = new FakeMessenger();
        messenger.peers.addAll(List.of(peer("BOB", true), legacyPeer("CAROL", true)));
        model.attach(messenger, Runnable::run);
        assertThat(model.unverified("carol")).isTrue();
        assertThat(model.unverified("BOB")).isFalse();
        assertThat(model.label("CAROL")).isEqualTo("CAROL (not verified)");
        assertThat(model.label("BOB")).isEqualTo("BOB");

        // a sender the roster has not described: its message tells
        model.messageReceived(unverifiedInbound(5, "WINPC", "hello"));
        assertThat(model.unverified("WINPC")).isTrue();
        assertThat(model.unverified("*")).as("Everyone is no peer").isFalse();
        assertThat(model.unverified("NOBODY")).as("an unknown name is not marked").isFalse();
        // the roster's word beats a message's
        model.peerOnline(peer("WINPC", true));
        assertThat(model.unverified("WINPC")).isFalse();
    }

    @Test
    void aPeerTurningUnverifiedRedrawsTheTray() {
        List<String> calls = new ArrayList<>();
        model.peerOnline(peer("CAROL", true));
        model.onChange(() -> calls.add("changed"));
        model.peerOnline(legacyPeer("CAROL", true));
        assertThat(calls).hasSize(1);
        model.resetPeers(List.of(peer("CAROL", true)));
        assertThat(calls).as("the same peer online, verified again").hasSize(2);
    }

    @Test
    void aKeyChangeWaitingForReviewTurnsTheIconToAlarmAndNamesItInTheTooltip() {
        List<String> calls = new ArrayList<>();
        model.onChange(() -> calls.add("changed"));
        model.setKeyChanges(List.of(keyChange("BOB", 1, 0)));
        assertThat(model.iconState()).isEqualTo(IconState.ERROR);
        assertThat(model.tooltip()).isEqualTo("TrayTalk - ALICE - 0 online - BOB's key changed");
        model.setKeyChanges(List.of(keyChange("BOB", 1, 0)));
        assertThat(calls).as("the same list again changes nothing").hasSize(1);
        model.setKeyChanges(List.of(keyChange("BOB", 1, 0), keyChange("CAROL", 2, 4)));
        assertThat(model.tooltip()).endsWith(" - 2 key changes to review");
        model.setKeyChanges(List.of());
        assertThat(model.iconState()).isEqualTo(IconState.NORMAL);
        assertThat(calls).hasSize(3);
    }
}
