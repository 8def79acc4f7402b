package org.traytalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.inboundBroadcast;

import org.junit.jupiter.api.Test;
import org.traytalk.testing.FakeMessenger;

class ReadCommandTest {
    private final FakeMessenger messenger = new FakeMessenger();

    @Test
    void readsTheConversationUpToItsNewestMessage() {
        messenger.history.add(inbound(3, "BOB", "one"));
        messenger.history.add(inbound(5, "BOB", "two"));
        messenger.history.add(inbound(4, "CAROL", "other"));
        TestContext ctx = new TestContext(messenger);
        assertThat(ctx.run("read", "bob")).isZero();
        assertThat(messenger.reads).containsExactly("BOB@5");
        assertThat(ctx.printed()).isEqualTo("Read 2 messages from bob.\n");

        TestContext again = new TestContext(messenger);
        assertThat(again.run("read", "BOB")).isZero();
        assertThat(again.printed()).isEqualTo("Nothing unread from BOB.\n");
        assertThat(messenger.reads).as("nothing more to mark").containsExactly("BOB@5");
    }

    @Test
    void everyoneIsTheStar() {
        messenger.history.add(inboundBroadcast(7, "BOB", "all hands"));
        TestContext ctx = new TestContext(messenger);
        assertThat(ctx.run("read", "*")).isZero();
        assertThat(messenger.reads).containsExactly("*@7");
        assertThat(ctx.printed()).isEqualTo("Read 1 message from everyone.\n");
    }

    @Test
    void aNameWithoutMessagesIsAnError() {
        messenger.peers.add(FakeMessenger.peer("DAVE", true));
        TestContext ctx = new TestContext(messenger);
        assertThat(ctx.run("read", "DAVE")).isEqualTo(1);
        assertThat(ctx.errors()).contains("no messages with DAVE");
        TestContext unknown = new TestContext(messenger);
        assertThat(unknown.run("read", "NOBODY\u202E")).isEqualTo(1);
        assertThat(unknown.errors()).doesNotContain("\u202E");
        assertThat(messenger.reads).isEmpty();
    }
}
