package org.traytalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.T0;
import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.inboundBroadcast;
import static org.traytalk.testing.FakeMessenger.keyChange;
import static org.traytalk.testing.FakeMessenger.legacyPeer;
import static org.traytalk.testing.FakeMessenger.outbound;
import static org.traytalk.testing.FakeMessenger.peer;
import static org.traytalk.testing.FakeMessenger.unverifiedInbound;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Receipt;
import org.traytalk.testing.FakeMessenger.Sent;
import org.traytalk.testing.FakeMessenger;

class ConsoleChatTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final TestContext ctx = new TestContext(messenger);
    private final ScriptedInput input = new ScriptedInput();

    private int chat() {
        ctx.input(input);
        return ctx.run();
    }

    @Test
    void greetsAndEndsAtEndOfInput() {
        assertThat(chat()).isZero();

        assertThat(ctx.printed()).startsWith("TrayTalk: you are ALICE.");
        assertThat(messenger.subscriberCount()).isZero();
    }

    @Test
    void atNameSendsTheRestOfTheLine() {
        input.line("@bob hi there").line("@BOB  again ").line("@* all");

        assertThat(chat()).isZero();

        assertThat(messenger.sent).containsExactly(
                new Sent("bob", "hi there"), new Sent("BOB", "again"), new Sent("*", "all"));
    }

    @Test
    void atNameWithoutTextSendsNothing() {
        input.line("@bob");

        chat();

        assertThat(messenger.sent).isEmpty();
        assertThat(ctx.printed()).contains("Nothing to send");
    }

    @Test
    void plainLineBeforeAnyoneWroteOnlyHints() {
        input.line("hello?");

        chat();

        assertThat(messenger.sent).isEmpty();
        assertThat(ctx.printed()).contains("Nobody has written to you yet").contains("@NAME");
    }

    @Test
    void plainLineAnswersTheLastSender() {
        input.then(() -> messenger.fire(l -> l.messageReceived(inbound(1, "CAROL", "hi"))))
                .then(() -> messenger.fire(l -> l.messageReceived(inboundBroadcast(2, "BOB", "lunch?"))))
                .line("sure");

        chat();

        assertThat(messenger.sent).containsExactly(new Sent("BOB", "sure"));
        assertThat(ctx.printed()).contains("[09:16] CAROL: hi").contains("[09:17] BOB (to everyone): lunch?");
    }

    @Test
    void incomingTextAndNamesAreEscaped() {
        input.then(() -> messenger.fire(l -> l.messageReceived(
                inbound(1, "EVE\u001b[31m", "look\u202Eat\u0000this\nsecond line"))))
                .then(() -> messenger.fire(l -> l.peerOnline(peer("MAL\rLORY", true))));

        chat();

        String indent = " ".repeat("[09:16] EVE\\u001b[31m: ".length());
        assertThat(ctx.printedLines()).contains(
                "[09:16] EVE\\u001b[31m: look\\u202eat\\u0000this",
                indent + "second line",
                "* MAL\\rLORY is online");
        assertThat(ctx.printed()).doesNotContain("\u001b", "\u202E", "\u0000", "\r");
    }

    @Test
    void peersListsThoseOnline() {
        messenger.peers.addAll(List.of(peer("BOB", true), peer("CAROL", true), peer("ANNE", false)));
        input.line("/peers");

        chat();

        assertThat(ctx.printed()).contains("Online: BOB, CAROL").doesNotContain("ANNE");
    }

    @Test
    void thePeersOfTheOriginalProgramAreMarkedNotVerifiedWhereverTheirNameAppears() {
        messenger.peers.addAll(List.of(peer("BOB", true), legacyPeer("WINPC", true)));
        messenger.history.add(unverifiedInbound(1, "WINPC", "earlier"));
        input.then(() -> {
            messenger.fire(l -> l.peerOnline(legacyPeer("WINPC", true)));
            messenger.fire(l -> l.messageReceived(unverifiedInbound(2, "WINPC", "Please pay invoice 4711")));
            messenger.fire(l -> l.peerOffline(legacyPeer("WINPC", false)));
        }).line("/peers").line("/history");

        chat();

        assertThat(ctx.printedLines()).contains("* WINPC (not verified) is online",
                "[09:17] WINPC (not verified): Please pay invoice 4711", "* WINPC (not verified) went offline",
                "Online: BOB, WINPC (not verified)", "2024-03-05 09:16  <- WINPC (not verified)  earlier");
    }

    @Test
    void aChangedKeyWarnsWithTheCodeToCompareAndTheCommandThatAcceptsIt() {
        KeyChange change = keyChange("BOB", 9, 2);
        input.then(() -> messenger.fire(l -> l.keyChanged(change)));

        chat();

        assertThat(ctx.printedLines()).contains("! BOB's key changed: someone may be posing as BOB (2 messages held,"
                + " not shown). If BOB's traytalk id or About shows " + change.offered() + ", accept it: traytalk"
                + " trust BOB " + change.offered());
    }

    @Test
    void aNameUnsafeInAShellIsLeftOutOfTheCommandToPaste() {
        KeyChange change = keyChange("BOB; rm -rf ~", 9, 1);
        input.then(() -> messenger.fire(l -> l.keyChanged(change)));

        chat();

        assertThat(ctx.printed()).contains("(1 message held, not shown)")
                .contains("accept it: traytalk trust NAME " + change.offered()).doesNotContain("trust BOB");
    }

    @Test
    void peersWhenAlone() {
        input.line("/peers");

        chat();

        assertThat(ctx.printed()).contains("Nobody else is online.");
    }

    @Test
    void historyPrintsOldestFirst() {
        messenger.history.addAll(List.of(
                outbound(3, "BOB", "fine", DeliveryState.DELIVERED, new Receipt("BOB", DeliveryState.DELIVERED, T0)),
                inbound(2, "BOB", "how are you")));
        input.line("/history bob");

        chat();

        String out = ctx.printed();
        assertThat(out).contains("2024-03-05 09:17  <- BOB  how are you", "2024-03-05 09:18  -> BOB [delivered]  fine");
        assertThat(out.indexOf("how are you")).isLessThan(out.indexOf("fine"));
        assertThat(messenger.queries).containsExactly(new HistoryQuery("bob", null, 20));
    }

    @Test
    void emptyHistory() {
        input.line("/history");

        chat();

        assertThat(ctx.printed()).contains("No messages yet.");
        assertThat(messenger.queries).containsExactly(new HistoryQuery(null, null, 20));
    }

    @Test
    void unknownCommandListsTheCommands() {
        input.line("/x");

        chat();

        assertThat(ctx.printed()).contains("Unknown command /x").contains(ConsoleChat.HELP);
        assertThat(messenger.sent).isEmpty();
    }

    @Test
    void quitEndsAlthoughInputRemains() {
        input.line("/quit").line("@bob never sent");

        assertThat(chat()).isZero();

        assertThat(messenger.sent).isEmpty();
        assertThat(input.linesRead).isEqualTo(1);
        assertThat(messenger.subscriberCount()).isZero();
    }

    @Test
    void refusedMessageSaysWhy() {
        messenger.script = FakeMessenger.refused("The message is too long");
        input.line("@bob " + "x".repeat(50)).line("@bob still here");

        assertThat(chat()).isZero();

        assertThat(ctx.printed()).contains("Not sent: The message is too long");
        assertThat(messenger.sent).hasSize(2);
    }

    @Test
    void aMessageTheNodeCouldNotSaveDoesNotEndTheChat() {
        messenger.script = (fake, stored) -> {
            throw new IllegalStateException("Could not save the message: disk full");
        };
        input.line("@bob first").line("@bob second");

        assertThat(chat()).isZero();

        assertThat(ctx.printed()).contains("Not sent: Could not save the message: disk full");
        assertThat(messenger.sent).hasSize(2);
    }

    @Test
    void queuedMessageSaysTheRecipientIsOffline() {
        messenger.script = FakeMessenger.queuedForever();
        input.line("@bob are you there");

        chat();

        assertThat(ctx.printed()).contains("(bob is offline: the message waits");
    }

    @Test
    void deliveryIsReported() {
        messenger.script = FakeMessenger.settlesAs(DeliveryState.DELIVERED);
        input.line("@BOB hi");

        chat();

        assertThat(ctx.printed()).contains("  (delivered to BOB)");
    }

    @Test
    void failureIsReportedWithTheText() {
        messenger.script = FakeMessenger.settlesAs(DeliveryState.FAILED);
        input.line("@BOB are you\tthere");

        chat();

        assertThat(ctx.printed()).contains("  (NOT delivered to BOB: no receipt in time) are you\\tthere");
    }

    @Test
    void broadcastDeliveryCountsReceipts() {
        messenger.peers.addAll(List.of(peer("BOB", true), peer("CAROL", true)));
        messenger.script = FakeMessenger.broadcastConfirmedBy("BOB", "CAROL");
        input.line("@* cake");

        chat();

        assertThat(ctx.printed()).contains("  (delivered to everyone [delivered 2/2])");
    }

    @Test
    void peersComingAndGoingAndProblemsAreShown() {
        input.then(() -> {
            messenger.fire(l -> l.peerOnline(peer("BOB", true)));
            messenger.fire(l -> l.peerOffline(peer("BOB", false)));
            messenger.fire(l -> l.problem("Another computer also calls itself ALICE"));
        });

        chat();

        assertThat(ctx.printedLines()).contains("* BOB is online", "* BOB went offline",
                "! Another computer also calls itself ALICE");
    }
}
