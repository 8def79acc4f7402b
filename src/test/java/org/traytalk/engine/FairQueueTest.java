package org.traytalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What waits for the engine stays within its bounds, and every source gets its turn. */
class FairQueueTest {
    private record Datagram(String from, int bytes) {
    }

    private final Refusals refusals = new Refusals(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final FairQueue<Datagram> queue = new FairQueue<>(new FairQueue.Bounds(100, 10_000, 20, 1_000),
            Datagram::from, Datagram::bytes, refusals);

    private List<String> drained() {
        List<String> order = new ArrayList<>();
        for (Datagram d = queue.poll(); d != null; d = queue.poll()) {
            order.add(d.from());
        }
        return order;
    }

    @Test
    void aFloodingSourceKeepsItsShareAndTheQuietOneIsTakenNext() {
        int taken = 0;
        for (int i = 0; i < 5_000; i++) {
            taken += queue.add(new Datagram("mallory", 10)) ? 1 : 0;
        }
        assertThat(taken).isEqualTo(20);
        assertThat(queue.add(new Datagram("bob", 10))).isTrue();
        assertThat(drained()).startsWith("mallory", "bob", "mallory", "mallory").hasSize(21);
        assertThat(refusals.total()).containsEntry("source's share of the inbound queue full", 4_980L);
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.held()).containsExactly(0, 0);
    }

    @Test
    void sourcesTakeTurnsOneDatagramEach() {
        for (String from : List.of("a", "a", "a", "b", "c", "c")) {
            queue.add(new Datagram(from, 1));
        }
        assertThat(drained()).containsExactly("a", "b", "c", "a", "c", "a");
    }

    @Test
    void theTotalsAreBoundedInDatagramsAndBytes() {
        for (int source = 0; source < 200; source++) {
            queue.add(new Datagram("s" + source, 1));
        }
        assertThat(queue.held()).containsExactly(100, 100);
        assertThat(refusals.total()).containsEntry("inbound queue full", 100L);
        drained();
        for (int source = 0; source < 30; source++) {
            queue.add(new Datagram("big" + source, 900));
        }
        assertThat(queue.held()).containsExactly(11, 9_900);
        assertThat(queue.add(new Datagram("big0", 200))).as("over the source's bytes").isFalse();
        assertThat(queue.add(new Datagram("small", 100))).isTrue();
    }
}
