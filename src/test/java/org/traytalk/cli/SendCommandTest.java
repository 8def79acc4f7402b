package org.traytalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.peer;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Receipt;
import org.traytalk.testing.FakeMessenger.Sent;
import org.traytalk.testing.FakeMessenger;

class SendCommandTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final TestContext ctx = new TestContext(messenger);

    @Test
    void deliveredExitsZero() {
        messenger.script = FakeMessenger.settlesAs(DeliveryState.DELIVERED);

        assertThat(ctx.run("send", "BOB", "hello")).isZero();

        assertThat(ctx.printed()).contains("delivered to BOB");
        assertThat(messenger.sent).containsExactly(new Sent("BOB", "hello"));
        assertThat(messenger.subscriberCount()).isZero();
    }

    @Test
    void receiptArrivingAfterSendReturnedIsWaitedFor() throws Exception {
        CountDownLatch sendReturned = new CountDownLatch(1);
        messenger.script = (fake, stored) -> {
            Thread confirm = new Thread(() -> {
                try {
                    if (sendReturned.await(5, TimeUnit.SECONDS)) {
                        fake.update(stored.withState(DeliveryState.DELIVERED, FakeMessenger.T0,
                                List.of(new Receipt("BOB", DeliveryState.DELIVERED, FakeMessenger.T0))));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "confirm");
            confirm.start();
            return stored.withState(DeliveryState.SENT, FakeMessenger.T0, FakeMessenger.sentReceipts(stored));
        };
        messenger.afterSend = sendReturned::countDown;

        assertThat(ctx.run("send", "--wait", "5", "BOB", "hi")).isZero();

        assertThat(ctx.printed()).contains("delivered to BOB");
    }

    @Test
    void updatesOfOtherMessagesAreIgnored() {
        messenger.script = (fake, stored) -> {
            fake.update(FakeMessenger.outbound(1, "BOB", "older", DeliveryState.DELIVERED,
                    new Receipt("BOB", DeliveryState.DELIVERED, FakeMessenger.T0)));
            return stored.withState(DeliveryState.SENT, FakeMessenger.T0, FakeMessenger.sentReceipts(stored));
        };

        assertThat(ctx.run("send", "--wait", "0.2", "BOB", "new")).isEqualTo(3);

        assertThat(ctx.printed()).contains("sent, not yet confirmed by BOB");
    }

    @Test
    void queuedWhenNothingArrivesInTime() {
        messenger.script = FakeMessenger.queuedForever();

        assertThat(ctx.run("send", "--wait", "0.2", "BOB", "are", "you", "there")).isEqualTo(3);

        assertThat(ctx.printed()).contains("queued: BOB is offline");
        assertThat(messenger.subscriberCount()).isZero();
    }

    @Test
    void queuedForAPeerThatLooksOnlineSaysItHasNotAnsweredNotThatItIsOffline() {
        messenger.script = FakeMessenger.queuedForever();
        messenger.peers.add(FakeMessenger.peer("BOB", true));

        assertThat(ctx.run("send", "--wait", "0.2", "BOB", "hello")).isEqualTo(3);

        assertThat(ctx.printed()).contains("queued: BOB looks online but has not answered yet")
                .doesNotContain("offline");
    }

    @Test
    void failedExitsOne() {
        messenger.script = FakeMessenger.settlesAs(DeliveryState.FAILED);

        assertThat(ctx.run("send", "BOB", "hello")).isEqualTo(1);

        assertThat(ctx.printed()).contains("failed: BOB did not confirm");
        assertThat(messenger.subscriberCount()).isZero();
    }

    @Test
    void refusedExitsTwoWithTheReasonOnStderr() {
        messenger.script = FakeMessenger.refused("The message is too long: 70,000 bytes");

        assertThat(ctx.run("send", "BOB", "x".repeat(100))).isEqualTo(2);

        assertThat(ctx.errors()).contains("not sent: The message is too long: 70,000 bytes");
        assertThat(ctx.printed()).isEmpty();
        assertThat(messenger.subscriberCount()).isZero();
    }

    @Test
    void broadcastConfirmedByEveryoneNamesThem() {
        messenger.peers.addAll(List.of(peer("BOB", true), peer("CAROL", true), peer("DAVE", false)));
        messenger.script = FakeMessenger.broadcastConfirmedBy("BOB", "CAROL");

        assertThat(ctx.run("send", "*", "lunch?")).isZero();

        assertThat(ctx.printed()).contains("delivered to everyone").contains("BOB").contains("CAROL")
                .doesNotContain("DAVE");
        assertThat(messenger.sent).containsExactly(new Sent("*", "lunch?"));
    }

    @Test
    void broadcastConfirmedByOneOfTwoIsPending() {
        messenger.peers.addAll(List.of(peer("BOB", true), peer("CAROL", true)));
        messenger.script = FakeMessenger.broadcastConfirmedBy("BOB");

        assertThat(ctx.run("send", "--wait", "0.2", "*", "lunch?")).isEqualTo(3);

        assertThat(ctx.printed()).contains("confirmed by BOB").contains("still waiting for CAROL");
    }

    @Test
    void receiptNamesFromTheWireAreEscaped() {
        messenger.peers.addAll(List.of(peer("BOB\nok", true), peer("CAROL", true)));
        messenger.script = FakeMessenger.broadcastConfirmedBy("BOB\nok");

        ctx.run("send", "--wait", "0.1", "*", "hi");

        assertThat(ctx.printedLines()).containsExactly(
                "sent to everyone; confirmed by BOB\\nok; still waiting for CAROL");
    }

    @Test
    void broadcastWithNobodyOnlineIsDoneAtOnce() {
        messenger.script = (fake, stored) -> {
            assertThat(stored.receipts()).isEmpty();
            return stored.withState(DeliveryState.SENT, FakeMessenger.T0, List.of());
        };

        long started = System.nanoTime();
        assertThat(ctx.run("send", "*", "anyone?")).isZero();

        assertThat(ctx.printed()).contains("nobody was online");
        // settled without waiting out the default 10 s
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(5);
    }

    @Test
    void wordsAreJoinedWithSingleSpaces() {
        messenger.script = FakeMessenger.settlesAs(DeliveryState.DELIVERED);

        ctx.run("send", "BOB", "hi", "there,", "how  are", "you");

        assertThat(messenger.sent).containsExactly(new Sent("BOB", "hi there, how  are you"));
    }

    @Test
    void textComesFromStdinWithoutWords() {
        messenger.script = FakeMessenger.settlesAs(DeliveryState.DELIVERED);
        ctx.input("first line\nsecond line\n\n");

        assertThat(ctx.run("send", "BOB")).isZero();

        assertThat(messenger.sent).containsExactly(new Sent("BOB", "first line\nsecond line"));
    }

    @Test
    void textComesFromStdinWithDash() {
        messenger.script = FakeMessenger.settlesAs(DeliveryState.DELIVERED);
        ctx.input("piped text\n");

        assertThat(ctx.run("send", "BOB", "-")).isZero();

        assertThat(messenger.sent).containsExactly(new Sent("BOB", "piped text"));
    }
}
