package org.traytalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.T0;
import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.inboundBroadcast;
import static org.traytalk.testing.FakeMessenger.outbound;
import static org.traytalk.testing.FakeMessenger.unverifiedInbound;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.Receipt;
import org.traytalk.testing.FakeMessenger;

class HistoryCommandTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final TestContext ctx = new TestContext(messenger);

    @Test
    void printsOldestFirstWithArrowsAndMarks() {
        // the messenger answers newest first
        messenger.history.addAll(List.of(
                outbound(6, "*", "cake in the kitchen", DeliveryState.SENT,
                        new Receipt("BOB", DeliveryState.DELIVERED, T0), new Receipt("CAROL", DeliveryState.SENT, null)),
                inboundBroadcast(5, "CAROL", "hello all"),
                outbound(4, "DAVE", "still there?", DeliveryState.FAILED, new Receipt("DAVE", DeliveryState.FAILED, null)),
                outbound(3, "BOB", "fine, you?", DeliveryState.DELIVERED, new Receipt("BOB", DeliveryState.DELIVERED, T0)),
                inbound(2, "BOB", "how are you")));

        assertThat(ctx.run("history")).isZero();

        assertThat(ctx.printedLines()).containsExactly(
                "2024-03-05 09:17  <- BOB  how are you",
                "2024-03-05 09:18  -> BOB [delivered]  fine, you?",
                "2024-03-05 09:19  -> DAVE [failed]  still there?",
                "2024-03-05 09:20  <- CAROL (to everyone)  hello all",
                "2024-03-05 09:21  -> everyone [sent 1/2]  cake in the kitchen");
        assertThat(messenger.queries).containsExactly(new HistoryQuery(null, null, 50));
    }

    @Test
    void marksWhatThePeersOfTheOriginalProgramSentAsNotVerified() {
        messenger.history.addAll(List.of(outbound(3, "WINPC", "paid?", DeliveryState.DELIVERED),
                unverifiedInbound(2, "WINPC", "Please pay invoice 4711"), inbound(1, "BOB", "hi")));

        ctx.run("history");

        assertThat(ctx.printedLines()).containsExactly(
                "2024-03-05 09:16  <- BOB  hi",
                "2024-03-05 09:17  <- WINPC (not verified)  Please pay invoice 4711",
                "2024-03-05 09:18  -> WINPC [delivered]  paid?");
    }

    @Test
    void deliveredBroadcastCountsItsReceipts() {
        messenger.history.addAll(List.of(outbound(1, "*", "hi", DeliveryState.DELIVERED,
                new Receipt("BOB", DeliveryState.DELIVERED, T0), new Receipt("CAROL", DeliveryState.DELIVERED, T0))));

        ctx.run("history");

        assertThat(ctx.printed()).contains("-> everyone [delivered 2/2]  hi");
    }

    @Test
    void multiLineBodiesAreIndentedUnderTheFirstLine() {
        messenger.history.addAll(List.of(inbound(1, "BOB", "line one\nline two\r\nline\tthree")));

        ctx.run("history");

        String head = "2024-03-05 09:16  <- BOB  ";
        assertThat(ctx.printedLines()).containsExactly(
                head + "line one",
                " ".repeat(head.length()) + "line two",
                " ".repeat(head.length()) + "line\\tthree");
    }

    @Test
    void passesTheFiltersThrough() {
        assertThat(ctx.run("history", "--peer", "bob", "--search", "lunch*", "--limit", "7")).isZero();

        assertThat(messenger.queries).containsExactly(new HistoryQuery("bob", "lunch*", 7));
        assertThat(ctx.printed()).contains("No messages match \"lunch*\".");
    }

    @Test
    void exportsTheConversationOldestFirstAsHtmlWithEverythingEscaped() {
        messenger.history.addAll(List.of(outbound(3, "BOB", "fine, <you>?", DeliveryState.DELIVERED,
                new Receipt("BOB", DeliveryState.DELIVERED, T0)), inbound(2, "BOB", "how are <b>you</b>")));

        assertThat(ctx.run("history", "--peer", "BOB", "--export", "html")).isZero();

        assertThat(messenger.queries).containsExactly(new HistoryQuery("BOB", null, HistoryQuery.MAX_LIMIT));
        String html = ctx.printed();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Conversation with BOB</title>")
                .contains("how are &lt;b&gt;you&lt;/b&gt;").contains("fine, &lt;you&gt;?").doesNotContain("<b>");
        assertThat(html.indexOf("how are")).isLessThan(html.indexOf("fine,"));
    }

    @Test
    void exportsPlainTextAndRefusesAnUnknownFormat() {
        messenger.history.addAll(List.of(inboundBroadcast(2, "CAROL", "hello all")));

        assertThat(ctx.run("history", "--peer", "*", "--export", "TEXT", "--limit", "5")).isZero();
        assertThat(ctx.printedLines()).contains("Messages to and from everyone", "2024-03-05 09:17  CAROL to everyone",
                "    hello all");
        assertThat(messenger.queries).containsExactly(new HistoryQuery("*", null, 5));

        assertThat(ctx.run("history", "--export", "pdf")).isEqualTo(2);
        assertThat(ctx.errors()).contains("the export format is text or html, not \"pdf\"");
    }

    @Test
    void refusesLimitZero() {
        assertThat(ctx.run("history", "--limit", "0")).isEqualTo(2);

        assertThat(ctx.errors()).contains("--limit must be between 1 and 10000");
        assertThat(messenger.queries).isEmpty();
    }

    @Test
    void refusesLimitAboveTheStoresMaximum() {
        assertThat(ctx.run("history", "--limit", "10001")).isEqualTo(2);
        assertThat(messenger.queries).isEmpty();
    }

    @Test
    void emptyHistory() {
        assertThat(ctx.run("history")).isZero();

        assertThat(ctx.printed()).isEqualToIgnoringNewLines("No messages.");
    }
}
