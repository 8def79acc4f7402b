package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.keyChange;
import static org.traytalk.testing.FakeMessenger.unverifiedInbound;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.engine.MessengerException;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.KeyChange;
import org.traytalk.model.UnverifiedPolicy;
import org.traytalk.testing.FakeMessenger;
import org.traytalk.tray.model.QuickReply.Status;

class AlertQueueTest {
    private static final Duration HIDE = Duration.ofSeconds(8);

    private final FakeMessenger messenger = new FakeMessenger();
    private final ManualTimers time = new ManualTimers();
    private final AlertQueue queue = new AlertQueue(messenger, time.clock, time,
            new AlertOptions(4, HIDE, 3, Duration.ofSeconds(10), 40, 3, UnverifiedPolicy.WARN));

    private void receive(String from, String text) {
        messenger.fire(l -> l.messageReceived(inbound(from, text, time.now())));
    }

    private Alert only() {
        assertThat(queue.visible()).hasSize(1);
        return queue.visible().get(0);
    }

    {
        queue.attach(Runnable::run);
    }

    @Test
    void showsSenderTimeAndTextAtOnce() {
        int[] changes = {0};
        queue.onChange(() -> changes[0]++);
        receive("BOB", "lunch?");
        Alert a = only();
        assertThat(a.kind()).isEqualTo(Alert.Kind.MESSAGE);
        assertThat(a.title()).isEqualTo("BOB");
        assertThat(a.sender()).isEqualTo("BOB");
        assertThat(a.time()).isEqualTo(FakeMessenger.T0);
        assertThat(a.preview()).isEqualTo("lunch?");
        assertThat(a.clipped()).isFalse();
        assertThat(a.count()).isEqualTo(1);
        assertThat(changes[0]).isEqualTo(1);
    }

    @Test
    void longTextIsClippedWithTheWholeTextAvailable() {
        String text = "x".repeat(100);
        receive("BOB", text);
        Alert a = only();
        assertThat(a.clipped()).isTrue();
        assertThat(a.preview()).isEqualTo("x".repeat(39) + "\u2026");
        assertThat(a.fullText()).isEqualTo(text);
    }

    @Test
    void hidesAfterTheConfiguredTime() {
        receive("BOB", "hi");
        time.advance(HIDE.minusMillis(1));
        assertThat(queue.visible()).hasSize(1);
        time.advance(Duration.ofMillis(1));
        assertThat(queue.visible()).isEmpty();
    }

    @Test
    void hoverKeepsItAndLeavingStartsAFullTimeAgain() {
        receive("BOB", "hi");
        long id = only().id();
        time.advance(Duration.ofSeconds(7));
        queue.hoverStarted(id);
        time.advance(Duration.ofMinutes(5));
        assertThat(queue.visible()).hasSize(1);
        queue.hoverEnded(id);
        time.advance(HIDE.minusSeconds(1));
        assertThat(queue.visible()).hasSize(1);
        time.advance(Duration.ofSeconds(1));
        assertThat(queue.visible()).isEmpty();
    }

    @Test
    void stacksUpToFourNewestAtTheBottomDroppingTheOldestUnhovered() {
        receive("A", "1");
        queue.hoverStarted(queue.visible().get(0).id());
        for (String from : List.of("B", "C", "D", "E")) {
            time.advance(Duration.ofSeconds(1));
            receive(from, "x");
        }
        assertThat(queue.visible()).extracting(Alert::title).containsExactly("A", "C", "D", "E");
    }

    @Test
    void aFloodFromOneSenderCollapsesIntoOneCountingAlert() {
        for (int i = 1; i <= 3; i++) {
            receive("BOB", "msg " + i);
            time.advance(Duration.ofMillis(1250));
        }
        assertThat(queue.visible()).extracting(Alert::kind).containsExactly(Alert.Kind.MESSAGE, Alert.Kind.MESSAGE,
                Alert.Kind.MESSAGE);
        receive("BOB", "msg 4");
        Alert flood = only();
        assertThat(flood.kind()).isEqualTo(Alert.Kind.FLOOD);
        assertThat(flood.title()).isEqualTo("4 new messages from BOB");
        assertThat(flood.count()).isEqualTo(4);
        assertThat(flood.preview()).isEqualTo("msg 4");

        receive("bob", "msg 5"); // same sender whatever the case; the title follows the latest spelling
        assertThat(only().title()).isEqualTo("5 new messages from bob");
        assertThat(only().id()).isEqualTo(flood.id());
    }

    @Test
    void messagesFromTwoSendersDoNotCollapseTogether() {
        for (int i = 0; i < 2; i++) {
            receive("BOB", "b" + i);
            receive("CAROL", "c" + i);
        }
        assertThat(queue.visible()).extracting(Alert::kind).containsOnly(Alert.Kind.MESSAGE);
        assertThat(queue.visible()).extracting(Alert::title).containsExactly("BOB", "CAROL", "BOB", "CAROL");
    }

    @Test
    void messagesSpreadBeyondTheWindowDoNotCollapse() {
        for (int i = 0; i < 4; i++) {
            receive("BOB", "m" + i);
            time.advance(Duration.ofSeconds(4)); // only 3 ever fall within 10 s
        }
        assertThat(queue.visible()).extracting(Alert::kind).containsOnly(Alert.Kind.MESSAGE);
    }

    @Test
    void doNotDisturbShowsNothingThenOneSummary() {
        receive("BOB", "before");
        queue.setDnd(true);
        assertThat(queue.visible()).isEmpty();
        receive("BOB", "1");
        receive("CAROL", "2");
        receive("BOB", "3");
        assertThat(queue.visible()).isEmpty();

        queue.setDnd(false);
        Alert summary = only();
        assertThat(summary.kind()).isEqualTo(Alert.Kind.AWAY);
        assertThat(summary.title()).isEqualTo("3 messages while you were away");
        assertThat(summary.preview()).isEqualTo("BOB (2), CAROL (1)");
        assertThat(summary.canReply()).isFalse();
        assertThat(queue.reply(summary.id(), "hi")).isFalse();
    }

    @Test
    void aSummaryFromOneSenderNamesThemAndCanBeAnswered() {
        queue.setDnd(true);
        receive("BOB", "are you there?");
        queue.setDnd(false);
        Alert summary = only();
        assertThat(summary.title()).isEqualTo("1 message from BOB while you were away");
        assertThat(summary.preview()).isEqualTo("are you there?");
        assertThat(queue.reply(summary.id(), "yes")).isTrue();
        assertThat(messenger.sent).containsExactly(new FakeMessenger.Sent("BOB", "yes"));
    }

    @Test
    void noSummaryWhenNothingCameOrItWasReadMeanwhile() {
        queue.setDnd(true);
        queue.setDnd(false);
        assertThat(queue.visible()).isEmpty();
        queue.setDnd(true);
        receive("BOB", "x");
        queue.conversationRead(Conversation.empty("bob", true));
        queue.setDnd(false);
        assertThat(queue.visible()).isEmpty();
    }

    @Test
    void quickReplyGoesToTheSenderAndShowsDelivery() {
        receive("CAROL", "other");
        receive("BOB", "lunch?");
        long id = queue.visible().get(1).id();
        assertThat(queue.reply(id, "yes")).isTrue();
        assertThat(messenger.sent).containsExactly(new FakeMessenger.Sent("BOB", "yes"));
        assertThat(queue.visible().get(1).reply()).contains(new QuickReply("yes", Status.SENT, ""));

        messenger.update(messenger.lastSent(), DeliveryState.DELIVERED);
        assertThat(queue.visible().get(1).reply().orElseThrow().status()).isEqualTo(Status.DELIVERED);
        assertThat(queue.visible().get(0).reply()).isEmpty();
    }

    @Test
    void quickReplyShowsFailure() {
        receive("BOB", "lunch?");
        queue.reply(only().id(), "yes");
        messenger.update(messenger.lastSent(), DeliveryState.FAILED);
        assertThat(only().reply().orElseThrow().status()).isEqualTo(Status.FAILED);
    }

    @Test
    void aStateReportedBeforeSendReturnsIsNotLost() {
        messenger.script = (fake, stored) -> {
            fake.update(stored, DeliveryState.SENT);
            return stored; // still QUEUED as send returns
        };
        receive("BOB", "lunch?");
        queue.reply(only().id(), "yes");
        assertThat(only().reply().orElseThrow().status()).isEqualTo(Status.SENT);
    }

    @Test
    void updatesForOtherMessagesLeaveTheAlertAlone() {
        receive("BOB", "lunch?");
        queue.reply(only().id(), "yes");
        ChatMessage other = new ChatMessage(messenger.lastSent().rowId() + 1, Direction.OUTBOUND, "BOB", 1, "z",
                FakeMessenger.T0, DeliveryState.SENT, FakeMessenger.T0, false, List.of());
        messenger.update(other, DeliveryState.FAILED);
        messenger.fire(l -> l.messageUpdated(inbound("BOB", "in", FakeMessenger.T0)));
        assertThat(only().reply().orElseThrow().status()).isEqualTo(Status.SENT);
    }

    @Test
    void aRefusedReplyShowsTheMessengersReason() {
        receive("BOB", "lunch?");
        messenger.script = FakeMessenger.refused("The message is empty");
        queue.reply(only().id(), "  ");
        assertThat(only().reply()).contains(new QuickReply("  ", Status.REFUSED, "The message is empty"));
    }

    @Test
    void aReplyKeepsThePopUpForAFreshHideTime() {
        receive("BOB", "lunch?");
        time.advance(Duration.ofSeconds(7));
        queue.reply(only().id(), "yes");
        time.advance(Duration.ofSeconds(7));
        assertThat(queue.visible()).hasSize(1);
        time.advance(Duration.ofSeconds(1));
        assertThat(queue.visible()).isEmpty();
    }

    @Test
    void textIsShownPlain() {
        receive("\u202EBOB", "<html><img src=http://evil/>\u0007\u202Eok");
        Alert a = only();
        assertThat(a.sender()).isEqualTo("BOB");
        assertThat(a.preview()).isEqualTo("\u200B<html><img src=http://evil/>ok");
        assertThat(a.peer()).contains("\u202EBOB");
    }

    @Test
    void aHugeWordIsClippedAndBreakable() {
        queue.setOptions(new AlertOptions(4, HIDE, 3, Duration.ofSeconds(10), 200, 3, UnverifiedPolicy.WARN));
        receive("BOB", "W".repeat(32 * 1024));
        Alert a = only();
        assertThat(a.clipped()).isTrue();
        assertThat(a.preview().split("\u200B")).allSatisfy(run -> assertThat(run.length()).isLessThanOrEqualTo(64));
        assertThat(a.fullText()).hasSize(32 * 1024);
    }

    @Test
    void dismissAndOpeningTheConversationRemovePopUps() {
        receive("BOB", "1");
        receive("CAROL", "2");
        receive("BOB", "3");
        queue.dismiss(queue.visible().get(0).id());
        assertThat(queue.visible()).extracting(Alert::preview).containsExactly("2", "3");
        queue.conversationRead(Conversation.empty("Bob", true));
        assertThat(queue.visible()).extracting(Alert::preview).containsExactly("2");
        assertThat(time.pending()).isEqualTo(1);
    }

    @Test
    void theReplyIsSentOffTheUiThreadAndShowsSendingMeanwhile() {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        ArrayDeque<Runnable> ui = new ArrayDeque<>();
        AlertQueue offThread = new AlertQueue(messenger, time.clock, time, AlertOptions.DEFAULTS, background::add);
        offThread.attach(ui::add);
        messenger.fire(l -> l.messageReceived(inbound("BOB", "lunch?", time.now())));
        while (!ui.isEmpty()) {
            ui.poll().run();
        }
        long id = offThread.visible().get(0).id();

        offThread.reply(id, "yes");
        assertThat(messenger.sent).isEmpty();
        assertThat(offThread.visible().get(0).reply()).contains(new QuickReply("yes", Status.SENDING, ""));

        background.poll().run();
        assertThat(messenger.sent).containsExactly(new FakeMessenger.Sent("BOB", "yes"));
        assertThat(offThread.visible().get(0).reply().orElseThrow().status()).isEqualTo(Status.SENDING);
        while (!ui.isEmpty()) {
            ui.poll().run();
        }
        assertThat(offThread.visible().get(0).reply()).contains(new QuickReply("yes", Status.SENT, ""));
    }

    @Test
    void aZeroHideTimeKeepsPopUpsUntilClosed() {
        AlertQueue staying = new AlertQueue(messenger, time.clock, time, AlertOptions.DEFAULTS.withHideAfter(Duration.ZERO));
        staying.attach(Runnable::run);
        receive("BOB", "hi");
        time.advance(Duration.ofHours(3));
        assertThat(staying.visible()).hasSize(1);
        staying.dismiss(staying.visible().get(0).id());
        assertThat(staying.visible()).isEmpty();
    }

    @Test
    void aPopUpFromAPeerThatCannotBeVerifiedSaysSoAndWarnsUnderWarn() {
        messenger.fire(l -> l.messageReceived(unverifiedInbound(3, "WINPC", "pay the invoice today")));
        Alert a = only();
        assertThat(a.title()).isEqualTo("WINPC (not verified)");
        assertThat(a.sender()).as("the reply field names the peer").isEqualTo("WINPC");
        assertThat(a.warning()).isEqualTo("Not verified: anyone on the network could have sent this");
        assertThat(a.canReply()).isTrue();

        queue.dismiss(a.id());
        queue.setOptions(AlertOptions.DEFAULTS.withUnverified(UnverifiedPolicy.ALLOW));
        messenger.fire(l -> l.messageReceived(unverifiedInbound(4, "WINPC", "again")));
        assertThat(only().title()).as("still marked").isEqualTo("WINPC (not verified)");
        assertThat(only().warning()).as("no warning line when allowed").isEmpty();

        queue.dismiss(only().id());
        receive("BOB", "verified");
        assertThat(only().title()).isEqualTo("BOB");
        assertThat(only().warning()).isEmpty();
    }

    @Test
    void floodsAndTheSummaryAfterDoNotDisturbMarkUnverifiedSenders() {
        for (int i = 0; i < 5; i++) {
            int row = 10 + i;
            messenger.fire(l -> l.messageReceived(unverifiedInbound(row, "WINPC", "spam " + row)));
        }
        assertThat(only().kind()).isEqualTo(Alert.Kind.FLOOD);
        assertThat(only().title()).endsWith("from WINPC (not verified)");
        assertThat(only().warning()).isNotEmpty();

        queue.setDnd(true);
        messenger.fire(l -> l.messageReceived(unverifiedInbound(20, "WINPC", "x")));
        receive("BOB", "y");
        queue.setDnd(false);
        assertThat(only().preview()).isEqualTo("WINPC (not verified) (1), BOB (1)");
        assertThat(only().warning()).isEqualTo("Some are not verified: anyone on the network could have sent them");
    }

    @Test
    void aKeyChangeWarnsUntilSettledOnePopUpPerNameAndIsNeverAnswered() {
        KeyChange bob = keyChange("BOB", 1, 0);
        queue.showKeyChange(bob);
        Alert a = only();
        assertThat(a.kind()).isEqualTo(Alert.Kind.KEY_CHANGE);
        assertThat(a.title()).isEqualTo("BOB's key changed");
        assertThat(a.warning()).isEqualTo("Someone may be posing as BOB");
        assertThat(a.preview()).startsWith("No messages from the new key so far.");
        assertThat(a.canReply()).isFalse();
        assertThat(queue.reply(a.id(), "hello?")).isFalse();

        time.advance(Duration.ofHours(1));
        queue.showKeyChange(keyChange("BOB", 1, 1));
        assertThat(only().id()).as("the same pop-up, updated").isEqualTo(a.id());
        assertThat(only().count()).isEqualTo(1);

        queue.conversationRead(Conversation.empty("BOB", true));
        assertThat(queue.visible()).as("reading BOB's conversation settles nothing").hasSize(1);
        queue.keyChangesPending(List.of(keyChange("CAROL", 2, 0)));
        assertThat(queue.visible()).as("settled: its warning goes").isEmpty();
    }

    @Test
    void messagesMakeRoomBeforeAKeyChangesWarning() {
        queue.showKeyChange(keyChange("BOB", 1, 0));
        for (String who : List.of("C1", "C2", "C3", "C4")) {
            receive(who, "hi");
        }
        assertThat(queue.visible()).extracting(Alert::kind).containsExactly(Alert.Kind.KEY_CHANGE,
                Alert.Kind.MESSAGE, Alert.Kind.MESSAGE, Alert.Kind.MESSAGE);
    }

    @Test
    void underDoNotDisturbAKeyChangeWaitsAndShowsWhenItEndsUnlessSettled() {
        queue.setDnd(true);
        queue.showKeyChange(keyChange("BOB", 1, 0));
        queue.showKeyChange(keyChange("CAROL", 2, 0));
        assertThat(queue.visible()).isEmpty();
        queue.keyChangesPending(List.of(keyChange("CAROL", 2, 0)));
        queue.setDnd(false);
        assertThat(only().title()).isEqualTo("CAROL's key changed");
    }
}
