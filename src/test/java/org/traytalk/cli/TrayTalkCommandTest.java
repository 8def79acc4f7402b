package org.traytalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.traytalk.testing.FakeMessenger;

class TrayTalkCommandTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final TestContext ctx = new TestContext(messenger);

    @Test
    void version() {
        assertThat(ctx.run("--version")).isZero();

        assertThat(ctx.printed()).startsWith("TrayTalk ").hasSizeGreaterThan("TrayTalk ".length() + 1);
        assertThat(messenger.sent).isEmpty();
    }

    @Test
    void helpListsTheCommands() {
        assertThat(ctx.run("--help")).isZero();

        assertThat(ctx.printed()).contains("Usage: traytalk", "send", "peers", "history", "listen", "--home");
        assertThat(messenger.subscriberCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"send", "peers", "history", "listen"})
    void eachCommandHasItsOwnHelp(String command) {
        assertThat(ctx.run(command, "--help")).isZero();

        assertThat(ctx.printed()).contains("Usage: traytalk " + command);
        assertThat(ctx.errors()).isEmpty();
        assertThat(messenger.sent).isEmpty();
    }

    @Test
    void commandsShowTheVersionToo() {
        assertThat(ctx.run("listen", "--version")).isZero();

        assertThat(ctx.printed()).startsWith("TrayTalk ");
        assertThat(messenger.subscriberCount()).isZero();
    }

    @Test
    void sendHelpExplainsTheExitStatus() {
        ctx.run("send", "--help");

        assertThat(ctx.printed()).contains("0 delivered, 3 queued");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(ctx.run("--bogus")).isEqualTo(2);

        assertThat(ctx.errors()).contains("Unknown option", "--bogus");
        assertThat(ctx.printed()).isEmpty();
    }

    @Test
    void sendWithoutRecipientIsAUsageError() {
        assertThat(ctx.run("send")).isEqualTo(2);

        assertThat(ctx.errors()).contains("NAME");
        assertThat(messenger.sent).isEmpty();
    }

    @Test
    void unexpectedFailureExitsOneWithItsMessage() {
        messenger.script = (fake, stored) -> {
            throw new IllegalStateException("Could not save the message: disk full");
        };

        assertThat(ctx.run("send", "BOB", "hi")).isEqualTo(1);

        assertThat(ctx.errors()).contains("traytalk: Could not save the message: disk full");
        assertThat(messenger.subscriberCount()).isZero();
    }

    @Test
    void homeIsFoundBeforeANodeExists() {
        TrayTalkCommand.Opening opening = TrayTalkCommand.open(new String[] {"--home", "/tmp/tt", "peers"},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

        assertThat(opening.answered()).isFalse();
        assertThat(opening.home()).isEqualTo(Path.of("/tmp/tt"));
    }

    @Test
    void helpIsAnsweredBeforeANodeExists() {
        StringWriter out = new StringWriter();
        TrayTalkCommand.Opening opening = TrayTalkCommand.open(new String[] {"send", "--help"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter()));

        assertThat(opening.answered()).isTrue();
        assertThat(opening.home()).isNull();
        assertThat(out.toString()).contains("Usage: traytalk send");
    }

    @Test
    void aForwardedCommandFindsTheNodeRunning() {
        ctx.justStarted = true;
        CliContext forwarded = CliContext.forwarded(ctx, new BufferedReader(new StringReader("")),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

        assertThat(forwarded.nodeJustStarted()).isFalse();
        assertThat(CliContext.console(ctx, forwarded.in(), forwarded.out(), forwarded.err()).nodeJustStarted())
                .isTrue();
    }
}
