package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.keyChange;
import static org.traytalk.testing.FakeMessenger.unverifiedInbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.UnverifiedPolicy;
import org.traytalk.platform.notify.DesktopNotifications;
import org.traytalk.testing.FakeMessenger;

class NativeNoticesTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final ManualTimers time = new ManualTimers();
    private final AlertQueue queue = new AlertQueue(messenger, time.clock, time,
            new AlertOptions(4, Duration.ofSeconds(8), 3, Duration.ofSeconds(10), 40, 3, UnverifiedPolicy.WARN));
    private final List<String> desktop = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private boolean enabled = true;
    private final NativeNotices notices = new NativeNotices(queue, messenger, Runnable::run, Runnable::run,
            () -> enabled, opened::add, name -> opened.add("review " + name));

    @BeforeEach
    void attach() {
        queue.attach(Runnable::run);
        notices.attach();
        notices.use(new DesktopNotifications() {
            @Override
            public void show(Notice n) {
                desktop.add("show " + n.key() + " " + n.title() + ": " + n.body() + (n.replyable() ? " [reply]" : ""));
            }

            @Override
            public void withdraw(long key) {
                desktop.add("withdraw " + key);
            }

            @Override
            public String describe() {
                return "fake";
            }

            @Override
            public void close() {
            }
        });
    }

    private ChatMessage receive(String from, String text) {
        ChatMessage m = inbound(from, text, time.now());
        messenger.fire(l -> l.messageReceived(m));
        return m;
    }

    @Test
    void eachAlertGoesToTheDesktopOnceAndStaysThereAfterThePopUpHides() {
        receive("BOB", "lunch?");
        assertThat(desktop).containsExactly("show 1 BOB: lunch? [reply]");
        time.advance(Duration.ofSeconds(9));
        assertThat(queue.visible()).isEmpty();
        assertThat(desktop).as("the notification centre keeps it").hasSize(1);
    }

    @Test
    void comingBackTheSummaryOfWhatWasMissedIsANoticeTooAndItsClickOpensTheConversation() {
        queue.setAway(true);
        receive("BOB", "are you there?");
        receive("BOB", "call me");
        time.advance(Duration.ofMinutes(30)); // their pop-ups hid long ago, their notices stay
        desktop.clear();

        queue.setAway(false);

        assertThat(desktop).singleElement().asString().startsWith("show ")
                .contains("2 messages from BOB while you were away", "call me");
        notices.callbacks().clicked(Long.parseLong(desktop.get(0).split(" ")[1]));
        assertThat(opened).containsExactly("BOB");
    }

    @Test
    void aFloodReplacesItsNoticeAsItCountsOn() {
        for (int i = 1; i <= 5; i++) {
            receive("BOB", "spam " + i);
        }
        assertThat(desktop).last().asString().startsWith("show ").contains("5 new messages from BOB", "spam 5");
        long keys = desktop.stream().map(s -> s.split(" ")[1]).distinct().count();
        assertThat(keys).as("pop-ups 1..3 and one flood notice").isEqualTo(4);
    }

    @Test
    void readingTheConversationAnywhereWithdrawsItsNotices() {
        receive("BOB", "one");
        ChatMessage carol = receive("CAROL", "two");
        messenger.fire(l -> l.conversationRead(new Conversation("BOB", "BOB", true, 0, carol)));
        assertThat(desktop).contains("withdraw 1").doesNotContain("withdraw 2");
        messenger.fire(l -> l.conversationRead(new Conversation("CAROL", "CAROL", true, 1, carol)));
        assertThat(desktop).as("still unread: stays").doesNotContain("withdraw 2");
    }

    @Test
    void aClickOpensTheConversationAndAReplyIsSentAndReadsIt() {
        ChatMessage m = receive("BOB", "lunch?");
        notices.callbacks().clicked(1);
        assertThat(opened).containsExactly("BOB");

        notices.callbacks().replied(1, "yes!");
        assertThat(messenger.sent).containsExactly(new FakeMessenger.Sent("BOB", "yes!"));
        assertThat(messenger.reads).containsExactly("BOB@" + m.rowId());

        messenger.script = FakeMessenger.refused("BOB is unknown");
        notices.callbacks().replied(1, "again");
        assertThat(desktop).last().isEqualTo("show 1 Not sent to BOB: BOB is unknown");
        notices.callbacks().clicked(99);
        assertThat(opened).as("an unknown notice does nothing").hasSize(1);
    }

    @Test
    void aBroadcastOpensEveryoneAndNothingIsAnnouncedWhenSwitchedOff() {
        ChatMessage all = new ChatMessage(5, Direction.INBOUND, "DAVE", 5, "fire drill", time.now(),
                DeliveryState.RECEIVED, time.now(), true, List.of());
        messenger.fire(l -> l.messageReceived(all));
        notices.callbacks().clicked(1);
        assertThat(opened).containsExactly("*");

        enabled = false;
        receive("BOB", "quiet");
        assertThat(desktop).hasSize(1);
    }

    @Test
    void aChangedKeysNoticeWarnsOpensTheReviewAndGoesWithItsPopUp() {
        queue.showKeyChange(keyChange("BOB", 1, 2));
        assertThat(desktop).containsExactly("show 1 BOB's key changed: \u26A0 Someone may be posing as BOB\n2 messages"
                + " from the new key are held. Compare codes with BOB before you accept the new key.");
        notices.callbacks().clicked(1);
        assertThat(opened).containsExactly("review BOB");

        notices.conversationRead(Conversation.empty("BOB", true));
        assertThat(desktop).as("reading BOB's conversation settles nothing").hasSize(1);
        queue.keyChangesPending(List.of());
        assertThat(desktop).last().isEqualTo("withdraw 1");
    }

    @Test
    void aMessageFromAPeerThatCannotBeVerifiedSaysSoInItsNotice() {
        messenger.fire(l -> l.messageReceived(unverifiedInbound(5, "WINPC", "pay now")));
        assertThat(desktop).containsExactly("show 1 WINPC (not verified): \u26A0 Not verified: anyone on the network"
                + " could have sent this\npay now [reply]");
    }
}
