package org.traytalk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.traytalk.testing.FakeMessenger.T0;
import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.inboundBroadcast;
import static org.traytalk.testing.FakeMessenger.outbound;
import static org.traytalk.testing.FakeMessenger.peer;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Receipt;
import org.traytalk.testing.FakeMessenger;

class ListenCommandTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final BreakingWriter sink = new BreakingWriter();
    private final TestContext ctx = new TestContext(messenger, sink);
    private CompletableFuture<Integer> running;

    @AfterEach
    void stop() throws Exception {
        sink.breakNow();
        if (running != null) {
            running.get(5, TimeUnit.SECONDS);
        }
    }

    private void start() {
        running = CompletableFuture.supplyAsync(() -> ctx.run("listen"));
        await().atMost(Duration.ofSeconds(5)).until(() -> events().contains("listening ALICE"));
    }

    /** The lines without their timestamps (each checked to be one). */
    private List<String> events() {
        return sink.text().lines().map(line -> {
            int space = line.indexOf(' ');
            assertThat(Instant.parse(line.substring(0, space))).isNotNull();
            return line.substring(space + 1);
        }).toList();
    }

    private void awaitEvents(int count) {
        await().atMost(Duration.ofSeconds(5)).until(() -> events().size() >= count);
    }

    @Test
    void printsOneLinePerEvent() {
        start();

        messenger.fire(l -> l.peerOnline(peer("BOB", true)));
        messenger.fire(l -> l.messageReceived(inbound(1, "BOB", "hi alice")));
        messenger.fire(l -> l.messageReceived(inboundBroadcast(2, "BOB", "hi all")));
        messenger.fire(l -> l.messageUpdated(outbound(3, "BOB", "hi bob", DeliveryState.DELIVERED,
                new Receipt("BOB", DeliveryState.DELIVERED, T0))));
        messenger.fire(l -> l.messageUpdated(outbound(4, "*", "lunch", DeliveryState.SENT,
                new Receipt("BOB", DeliveryState.DELIVERED, T0), new Receipt("CAROL", DeliveryState.SENT, null),
                new Receipt("DAVE", DeliveryState.DELIVERED, T0))));
        messenger.fire(l -> l.peerOffline(peer("BOB", false)));
        messenger.fire(l -> l.problem("Could not start the mailslot carrier"));
        awaitEvents(8);

        assertThat(events()).containsExactly(
                "listening ALICE",
                "peer-online BOB udp:10.0.0.4:42138",
                "message-received 1 BOB ALICE hi alice",
                "message-received 2 BOB * hi all",
                "message-updated 3 BOB delivered",
                "message-updated 4 * sent confirmed=BOB,DAVE",
                "peer-offline BOB",
                "problem Could not start the mailslot carrier");
    }

    @Test
    void reportsPeersAlreadyOnline() {
        messenger.peers.addAll(List.of(peer("BOB", true), peer("CAROL", true), peer("ANNE", false)));

        start();
        awaitEvents(3);

        assertThat(events()).containsExactly("listening ALICE",
                "peer-online BOB udp:10.0.0.4:42138", "peer-online CAROL udp:10.0.0.6:42138");
    }

    @Test
    void escapesTextSoEachEventIsOneLine() {
        start();

        messenger.fire(l -> l.messageReceived(inbound(1, "BOB", "a\nb\\c\td\u0007e\u202Ef\r\n")));
        messenger.fire(l -> l.problem("bad\nthing"));
        awaitEvents(3);

        assertThat(events()).containsExactly("listening ALICE",
                "message-received 1 BOB ALICE a\\nb\\\\c\\td\\u0007e\\u202ef\\r\\n",
                "problem bad\\nthing");
    }

    @Test
    void escapesPeerNamesToo() {
        start();

        // a sender name comes off the wire as it was sent
        messenger.fire(l -> l.peerOnline(peer("EVE\n2024-01-01T00:00:00Z peer-online BOB", true)));
        messenger.fire(l -> l.messageReceived(inbound(1, "EVE\r", "x")));
        messenger.fire(l -> l.peerOffline(peer("EVE\u202E", false)));
        awaitEvents(4);

        assertThat(events()).hasSize(4);
        assertThat(events().get(1)).startsWith(
                "peer-online EVE\\n2024-01-01T00:00:00Z\\u0020peer-online\\u0020BOB udp:");
        assertThat(events().get(1).split(" ")).hasSize(3); // the name stays one field
        assertThat(events().get(2)).isEqualTo("message-received 1 EVE\\r ALICE x");
        assertThat(events().get(3)).isEqualTo("peer-offline EVE\\u202e");
    }

    @Test
    void endsAndUnsubscribesWhenTheReaderGoesAway() throws Exception {
        sink.failAfterLines = 3;
        running = CompletableFuture.supplyAsync(() -> ctx.run("listen"));
        await().atMost(Duration.ofSeconds(5)).until(() -> messenger.subscriberCount() == 1);

        // the 4th line fails to write; events keep coming until the command notices
        for (int i = 1; i <= 5 && !running.isDone(); i++) {
            int id = i;
            messenger.fire(l -> l.messageReceived(inbound(id, "BOB", "m" + id)));
        }

        assertThat(running.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(messenger.subscriberCount()).isZero();
        assertThat(sink.text().lines().count()).isEqualTo(3);
    }

    /** Keeps what was written until it breaks; then every write and flush throws, as a closed pipe does. */
    static final class BreakingWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        volatile int failAfterLines = Integer.MAX_VALUE;
        private volatile boolean broken;

        void breakNow() {
            broken = true;
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public synchronized void write(char[] buf, int off, int len) throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
            String s = new String(buf, off, len);
            if (text.chars().filter(c -> c == '\n').count() >= failAfterLines) {
                broken = true;
                throw new IOException("Broken pipe");
            }
            text.append(s);
        }

        @Override
        public void flush() throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
        }

        @Override
        public void close() {
            broken = true;
        }
    }
}
