package org.traytalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.carrier.InMemoryNetwork;
import org.traytalk.model.Conversation;
import org.traytalk.model.Status;

/** What the engine keeps for the user interfaces: read positions (stored) and this user's status (local). */
class ReadAndStatusTest {
    @TempDir
    Path tmp;
    final InMemoryNetwork lan = new InMemoryNetwork();
    final VirtualScheduler time = new VirtualScheduler();
    TestNode alice;
    TestNode bob;
    final List<Conversation> reads = new CopyOnWriteArrayList<>();
    final List<String> statuses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void nodes() throws Exception {
        alice = new TestNode("ALICE", tmp.resolve("alice"), lan, time);
        bob = new TestNode("BOB", tmp.resolve("bob"), lan, time);
        alice.start();
        bob.start();
        alice.engine.subscribe(new MessengerListener() {
            @Override
            public void conversationRead(Conversation now) {
                reads.add(now);
            }

            @Override
            public void statusChanged(String name, Status status) {
                statuses.add(name + " " + status);
            }
        });
    }

    @AfterEach
    void stop() {
        alice.engine.close();
        bob.engine.close();
    }

    @Test
    void readingAConversationIsStoredAndTold() throws Exception {
        bob.engine.send("ALICE", "one");
        bob.engine.send("ALICE", "two");
        time.runDue();
        assertThat(alice.engine.conversations()).filteredOn(c -> c.key().equals("BOB")).singleElement()
                .extracting(Conversation::unread).isEqualTo(2);
        long first = alice.events.received.get(0).rowId();

        alice.engine.markRead("BOB", first);

        assertThat(reads).singleElement().extracting(Conversation::unread).isEqualTo(1);
        assertThat(alice.engine.conversations()).filteredOn(c -> c.key().equals("BOB")).singleElement()
                .extracting(Conversation::unread).isEqualTo(1);
    }

    @Test
    void theStatusIsKeptAndToldOncePerChange() {
        assertThat(alice.engine.status()).isEqualTo(Status.AVAILABLE);
        alice.engine.setStatus(new Status(true, "at lunch"));
        alice.engine.setStatus(new Status(true, "at lunch"));
        assertThat(alice.engine.status()).isEqualTo(new Status(true, "at lunch"));
        assertThat(statuses).containsExactly("ALICE Status[away=true, line=at lunch]");
    }

    @Test
    void theSettingsStatusLineKeepsAwayAsItIs() {
        alice.engine.setStatusLine("in a meeting until 3");
        assertThat(alice.engine.status()).isEqualTo(new Status(false, "in a meeting until 3"));
        alice.engine.setStatus(new Status(true, "in a meeting until 3"));
        alice.engine.setStatusLine("at lunch");
        alice.engine.setStatusLine("at lunch");
        assertThat(alice.engine.status()).isEqualTo(new Status(true, "at lunch"));
        assertThat(statuses).containsExactly("ALICE Status[away=false, line=in a meeting until 3]",
                "ALICE Status[away=true, line=in a meeting until 3]", "ALICE Status[away=true, line=at lunch]");
    }
}
