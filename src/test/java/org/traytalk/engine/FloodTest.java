package org.traytalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.Inbound;
import org.traytalk.carrier.InMemoryNetwork;
import org.traytalk.carrier.InMemoryNetwork.InMemoryCarrier;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.HistoryQuery;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.FoxMessageCodec;

/** A host that floods a node cannot fill its memory or its disk, nor keep a quiet peer's message from it. */
class FloodTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path tmp;
    final InMemoryNetwork lan = new InMemoryNetwork();
    final VirtualScheduler time = new VirtualScheduler();
    TestNode alice;
    TestNode bob;
    InMemoryCarrier mallory;

    @BeforeEach
    void nodes() throws Exception {
        alice = new TestNode("ALICE", tmp.resolve("alice"), lan, time).start();
        bob = new TestNode("BOB", tmp.resolve("bob"), lan, time).start();
        mallory = lan.attach("mallory").legacy(true).limitedTo(70_000, CP1252); // a hostile host sends what it likes
        mallory.start(new CarrierCallback() {
            @Override
            public void onReceive(Inbound datagram) {
            }
        });
    }

    @AfterEach
    void stop() {
        mallory.close();
        alice.engine.close();
        bob.engine.close();
    }

    private void fromMallory(String sender, int id, String body) throws Exception {
        mallory.send(alice.carrier.peerAddress(), "ALICE",
                new FoxMessageCodec(CP1252).encode(FoxMessage.user(sender, id, body), CP1252));
    }

    @Test
    void aQuietPeersMessageIsTakenAmongTheFirstWhileAFloodWaits() throws Exception {
        for (int i = 1; i <= 5_000; i++) {
            fromMallory("MALLORY", i, "flood " + i);
        }
        ChatMessage quiet = bob.engine.send("ALICE", "quiet");
        time.runDue();

        assertThat(alice.events.receivedBodies()).as("taken in turns: bob's second").element(1).isEqualTo("quiet");
        assertThat(bob.events.lastState(quiet.rowId())).isEqualTo(DeliveryState.DELIVERED);
        assertThat(alice.events.receivedBodies()).as("the rest of the flood was dropped, not held")
                .hasSize(Engine.INBOUND.maxItemsPerSource() + 1);
    }

    @Test
    void aBodyLongerThanAnyTrayTalkSendsIsRefusedUnreadAndUnconfirmed() throws Exception {
        lan.clearLog();
        fromMallory("MALLORY", 1, "x".repeat(EngineOptions.MAX_BODY_BYTES + 1));
        fromMallory("MALLORY", 2, "y".repeat(EngineOptions.MAX_BODY_BYTES));
        time.advance(Duration.ofSeconds(1));
        assertThat(alice.events.received).singleElement().extracting(ChatMessage::body).asString().startsWith("y");
        assertThat(alice.engine.history(HistoryQuery.latest(10))).hasSize(1);
        assertThat(lan.log()).filteredOn(s -> s.from().equals("alice") && s.to().equals("mallory")).hasSize(1);
    }
}
