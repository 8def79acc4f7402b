package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.store.StoreFiles.T0;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.model.DeliveryState;

/**
 * The engine's hot path: each outgoing message is saved, sent and confirmed (three commits), and one inbound
 * message is saved; wire ids are reserved in blocks, as the engine does.
 */
class StoreThroughputTest {
    private static final int MESSAGES = 5_000;

    @TempDir
    Path dir;

    @Test
    void fiveThousandMessageRoundsFinishWellWithinAMinute() {
        try (MessageStore store = StoreFiles.open(dir.resolve("fast.db"))) {
            warmUp(store);
            long start = System.nanoTime();
            int wireId = 0;
            for (int i = 0; i < MESSAGES; i++) {
                Instant at = T0.plusMillis(i);
                wireId = i % 100 == 0 ? store.reserveWireIds(100) : wireId + 1;
                long id = store.saveOutgoing("Bob", false, wireId, "message " + i, List.of("Bob"), at).rowId();
                store.updateReceipt(id, "Bob", DeliveryState.SENT, at);
                store.updateReceipt(id, "Bob", DeliveryState.DELIVERED, at);
                store.saveInbound("Bob", i, "reply " + i, false, at, at.minusSeconds(600));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            double perSecond = MESSAGES * 2 / (took.toNanos() / 1e9); // outgoing plus inbound messages
            System.out.printf("store throughput: %d outgoing + %d inbound in %d ms = %.0f messages/s%n",
                    MESSAGES, MESSAGES, took.toMillis(), perSecond);

            // generous bound so a slow CI box passes; the printed rate is the real measure
            assertThat(took).isLessThan(Duration.ofSeconds(60));
            assertThat(store.pendingOutgoing()).isEmpty();
            assertThat(store.history(HistoryQuery.latest(10_000))).hasSize(10_000);
        }
    }

    private static void warmUp(MessageStore store) {
        for (int i = 0; i < 50; i++) {
            long id = store.saveOutgoing("Warm", false, i, "w", List.of("Warm"), T0).rowId();
            store.updateReceipt(id, "Warm", DeliveryState.DELIVERED, T0);
            store.saveInbound("Warm", i, "w", false, T0, T0);
        }
    }
}
