package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.store.StoreFiles.T0;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.Receipt;

class SqliteMessageStoreTest {
    @TempDir
    Path dir;
    Path file;
    MessageStore store;

    @BeforeEach
    void open() {
        file = dir.resolve("history.db");
        store = StoreFiles.open(file);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        store.close();
        store = StoreFiles.open(file);
    }

    @Test
    void savedOutgoingMessageReadsBackWithQueuedReceipts() {
        ChatMessage saved = store.saveOutgoing("Bob", false, 77, "hello bob", List.of("Bob"), T0);

        assertThat(saved.rowId()).isPositive();
        assertThat(saved).isEqualTo(new ChatMessage(saved.rowId(), Direction.OUTBOUND, "Bob", 77, "hello bob", T0,
                DeliveryState.QUEUED, T0, false, List.of(new Receipt("Bob", DeliveryState.QUEUED, null))));
        assertThat(store.message(saved.rowId())).contains(saved);
        assertThat(store.findOutgoing(77)).contains(saved);
        assertThat(store.findOutgoing(78)).isEmpty();
        assertThat(store.message(saved.rowId() + 1000)).isEmpty();
    }

    @Test
    void findOutgoingReturnsTheNewestWithThatWireId() {
        store.saveOutgoing("Bob", false, 5, "old", List.of("Bob"), T0);
        ChatMessage newer = store.saveOutgoing("Ann", false, 5, "new", List.of("Ann"), T0.plusSeconds(1));

        assertThat(store.findOutgoing(5)).contains(newer);
    }

    @Test
    void inboundMessageRoundTripsAndIsReceived() {
        ChatMessage saved = store.saveInbound("Ann", null, 9, "hi there", true, T0, T0.minusSeconds(600)).orElseThrow();

        assertThat(saved).isEqualTo(new ChatMessage(saved.rowId(), Direction.INBOUND, "Ann", 9, "hi there", T0,
                DeliveryState.RECEIVED, T0, true, List.of(), false)); // no identity: not verified
        assertThat(store.message(saved.rowId())).contains(saved);
    }

    @Test
    void directMessageFollowsItsReceipt() {
        long id = store.saveOutgoing("Bob", false, 1, "x", List.of("Bob"), T0).rowId();

        ChatMessage sent = store.updateReceipt(id, "bob", DeliveryState.SENT, T0.plusSeconds(1));
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(sent.receipts()).containsExactly(new Receipt("Bob", DeliveryState.SENT, null));

        ChatMessage delivered = store.updateReceipt(id, "BOB", DeliveryState.DELIVERED, T0.plusSeconds(2));
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.receipts()).containsExactly(
                new Receipt("Bob", DeliveryState.DELIVERED, T0.plusSeconds(2)));

        ChatMessage late = store.updateReceipt(id, "Bob", DeliveryState.FAILED, T0.plusSeconds(3));
        assertThat(late).isEqualTo(delivered);
        assertThat(store.message(id)).contains(delivered);
    }

    @Test
    void directMessageFailsWhenItsOnlyReceiptFails() {
        long id = store.saveOutgoing("Bob", false, 1, "x", List.of("Bob"), T0).rowId();
        store.updateReceipt(id, "Bob", DeliveryState.SENT, T0.plusSeconds(1));

        ChatMessage failed = store.updateReceipt(id, "Bob", DeliveryState.FAILED, T0.plusSeconds(30));

        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.updatedAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void aReceiptForAReceivedOrUnknownMessageIsRefusedAndLeavesTheMessageAsItWas() {
        long received = store.saveInbound("Ann", null, 9, "hi", false, T0, T0.minusSeconds(600)).orElseThrow().rowId();

        assertThatThrownBy(() -> store.updateReceipt(received, "Ann", DeliveryState.DELIVERED, T0.plusSeconds(1)))
                .isInstanceOf(StoreException.class).hasMessageContaining("has no outgoing message with row id "
                        + received);
        assertThatThrownBy(() -> store.updateReceipt(received + 1, "Ann", DeliveryState.DELIVERED, T0))
                .isInstanceOf(StoreException.class).hasMessageContaining("has no outgoing message");

        ChatMessage stillReceived = store.message(received).orElseThrow();
        assertThat(stillReceived.state()).isEqualTo(DeliveryState.RECEIVED);
        assertThat(stillReceived.receipts()).isEmpty();
    }

    @Test
    void broadcastIsDeliveredOnlyWhenEveryExpectedPeerConfirmed() {
        long id = store.saveOutgoing(ChatMessage.EVERYONE, true, 3, "all", List.of("Ann", "Bob", "ann"), T0).rowId();
        assertThat(store.message(id).orElseThrow().receipts()).extracting(Receipt::peer).containsExactly("Ann", "Bob");

        store.updateReceipt(id, "Ann", DeliveryState.SENT, T0.plusSeconds(1));
        ChatMessage oneConfirmed = store.updateReceipt(id, "Ann", DeliveryState.DELIVERED, T0.plusSeconds(2));
        assertThat(oneConfirmed.state()).isEqualTo(DeliveryState.QUEUED); // Bob's copy is still queued

        assertThat(store.updateReceipt(id, "Bob", DeliveryState.SENT, T0.plusSeconds(3)).state())
                .isEqualTo(DeliveryState.SENT);
        ChatMessage all = store.updateReceipt(id, "Bob", DeliveryState.DELIVERED, T0.plusSeconds(4));
        assertThat(all.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(all.updatedAt()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void broadcastWithOneFailureAndTheRestDeliveredIsFailed() {
        long id = store.saveOutgoing(ChatMessage.EVERYONE, true, 3, "all", List.of("Ann", "Bob"), T0).rowId();
        store.updateReceipt(id, "Ann", DeliveryState.DELIVERED, T0.plusSeconds(1));

        assertThat(store.updateReceipt(id, "Bob", DeliveryState.FAILED, T0.plusSeconds(2)).state())
                .isEqualTo(DeliveryState.FAILED);
    }

    @Test
    void unexpectedConfirmationAddsAReceipt() {
        long id = store.saveOutgoing(ChatMessage.EVERYONE, true, 3, "all", List.of("Ann"), T0).rowId();
        store.updateReceipt(id, "Ann", DeliveryState.DELIVERED, T0.plusSeconds(1));

        ChatMessage withCarl = store.updateReceipt(id, "Carl", DeliveryState.DELIVERED, T0.plusSeconds(2));

        assertThat(withCarl.receipts()).containsExactly(new Receipt("Ann", DeliveryState.DELIVERED, T0.plusSeconds(1)),
                new Receipt("Carl", DeliveryState.DELIVERED, T0.plusSeconds(2)));
        assertThat(withCarl.state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void unchangedStateKeepsUpdatedAt() {
        long id = store.saveOutgoing(ChatMessage.EVERYONE, true, 3, "all", List.of("Ann", "Bob"), T0).rowId();
        store.updateReceipt(id, "Ann", DeliveryState.SENT, T0.plusSeconds(1));

        assertThat(store.updateReceipt(id, "Bob", DeliveryState.SENT, T0.plusSeconds(5)).updatedAt())
                .isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void updateStateSetsMessagesWithoutReceipts() {
        long id = store.saveOutgoing(ChatMessage.EVERYONE, true, 4, "nobody home", List.of(), T0).rowId();

        ChatMessage failed = store.updateState(id, DeliveryState.FAILED, T0.plusSeconds(9));

        assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(failed.updatedAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(store.pendingOutgoing()).isEmpty();
    }

    @Test
    void updatesOfUnknownOrInboundRowsFailClearly() {
        long inbound = store.saveInbound("Ann", null, 1, "x", false, T0, T0).orElseThrow().rowId();

        assertThatThrownBy(() -> store.updateReceipt(inbound, "Ann", DeliveryState.SENT, T0))
                .isInstanceOf(StoreException.class).hasMessageContaining("row id " + inbound);
        assertThatThrownBy(() -> store.updateState(12345, DeliveryState.SENT, T0))
                .isInstanceOf(StoreException.class).hasMessageContaining(file.toString());
        assertThatThrownBy(() -> store.updateReceipt(inbound, "Ann", DeliveryState.RECEIVED, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outboxSurvivesARestartOldestFirst() {
        ChatMessage queued = store.saveOutgoing("Bob", false, 1, "first", List.of("Bob"), T0);
        ChatMessage sent = store.saveOutgoing("Ann", false, 2, "second", List.of("Ann"), T0.plusSeconds(1));
        long delivered = store.saveOutgoing("Ann", false, 3, "third", List.of("Ann"), T0.plusSeconds(2)).rowId();
        long failed = store.saveOutgoing("Cy", false, 4, "fourth", List.of("Cy"), T0.plusSeconds(3)).rowId();
        ChatMessage sentNow = store.updateReceipt(sent.rowId(), "Ann", DeliveryState.SENT, T0.plusSeconds(4));
        store.updateReceipt(delivered, "Ann", DeliveryState.DELIVERED, T0.plusSeconds(4));
        store.updateReceipt(failed, "Cy", DeliveryState.FAILED, T0.plusSeconds(4));
        store.saveInbound("Ann", null, 50, "inbound is not outbox", false, T0, T0);

        reopen();

        assertThat(store.pendingOutgoing()).containsExactly(queued, sentNow);
    }

    @Test
    void duplicateInboundIsRecognisedAcrossRestartsCaseInsensitively() {
        assertThat(store.saveInbound("Ann", null, 7, "once", false, T0, T0.minusSeconds(600))).isPresent();

        reopen();

        Instant later = T0.plusSeconds(60);
        assertThat(store.saveInbound("ANN", null, 7, "once", false, later, later.minusSeconds(600))).isEmpty();
        assertThat(store.saveInbound("Ann", null, 8, "other id", false, later, later.minusSeconds(600))).isPresent();
        assertThat(store.saveInbound("Bob", null, 7, "other sender", false, later, later.minusSeconds(600))).isPresent();
        // older than the window: a new message that reuses the id
        assertThat(store.saveInbound("Ann", null, 7, "again", false, later, T0.plusNanos(1))).isPresent();
        assertThat(store.history(HistoryQuery.latest(100))).hasSize(4);
    }

    @Test
    void duplicateWindowStartIsInclusive() {
        store.saveInbound("Ann", null, 7, "once", false, T0, T0);

        assertThat(store.saveInbound("Ann", null, 7, "once", false, T0.plusSeconds(1), T0)).isEmpty();
        assertThat(store.saveInbound("Ann", null, 7, "once", false, T0.plusSeconds(1), Instant.MIN)).isEmpty();
    }

    @Test
    void historyIsNewestFirstWithPeerFilterAndLimit() {
        ChatMessage a1 = store.saveInbound("Ann", null, 1, "a1", false, T0, T0).orElseThrow();
        ChatMessage b1 = store.saveOutgoing("Bob", false, 2, "b1", List.of("Bob"), T0.plusSeconds(1));
        ChatMessage a2 = store.saveOutgoing("ann", false, 3, "a2", List.of("ann"), T0.plusSeconds(2));
        ChatMessage all = store.saveOutgoing(ChatMessage.EVERYONE, true, 4, "all", List.of(), T0.plusSeconds(3));
        ChatMessage annToAll = store.saveInbound("Ann", null, 5, "ann to all", true, T0.plusSeconds(4), T0).orElseThrow();

        assertThat(store.history(HistoryQuery.latest(10))).containsExactly(annToAll, all, a2, b1, a1);
        assertThat(store.history(HistoryQuery.latest(2))).containsExactly(annToAll, all);
        assertThat(store.history(new HistoryQuery("ANN", null, 10))).containsExactly(a2, a1);
        assertThat(store.history(new HistoryQuery("Ann", null, 1))).containsExactly(a2);
        assertThat(store.history(new HistoryQuery(ChatMessage.EVERYONE, null, 10))).containsExactly(annToAll, all);
        assertThat(store.history(new HistoryQuery("nobody", null, 10))).isEmpty();
    }

    @Test
    void peersAreKeyedByNameIgnoringCase() {
        Peer ann = new Peer("Ann", new PeerAddress("udp", "10.77.0.2:42138"), T0, true, 99L);
        Peer bob = new Peer("bob", null, null, false, 0L);
        store.savePeer(ann);
        store.savePeer(bob);
        Peer annAgain = new Peer("ANN", new PeerAddress("mailslot", "ANNS-PC"), T0.plusSeconds(5), false, 100L);
        store.savePeer(annAgain);

        reopen();

        assertThat(store.peers()).containsExactly(annAgain, bob);
    }

    @Test
    void closedStoreRefusesWorkAndClosesTwiceQuietly() {
        store.close();

        assertThatThrownBy(() -> store.peers()).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        store.close();
    }

    @Test
    void instantsKeepNanosecondPrecision() {
        Instant precise = Instant.parse("2031-01-02T03:04:05.987654321Z");
        ChatMessage saved = store.saveInbound("Ann", null, 1, "x", false, precise, precise.minus(Duration.ofDays(1)))
                .orElseThrow();

        assertThat(store.message(saved.rowId()).orElseThrow().createdAt()).isEqualTo(precise);
    }
}
