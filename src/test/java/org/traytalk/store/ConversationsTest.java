package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.store.StoreFiles.T0;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;

class ConversationsTest {
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

    private long received(String from, String body) {
        return store.saveInbound(from, null, (body.hashCode() & 0xffff) + 1, body, false, T0, T0).orElseThrow().rowId();
    }

    private static Peer peer(String name, boolean online) {
        return new Peer(name, new PeerAddress("udp", "10.0.0.2:42138"), T0, online, 1);
    }

    @Test
    void oneConversationPerPeerAndOneForEveryBroadcastNewestFirstThenPeersWithoutMessages() {
        store.savePeer(peer("Bob", true));
        store.savePeer(peer("Zed", false));
        store.savePeer(peer("Erin", true));
        received("bob", "morning");
        store.saveOutgoing("Carol", false, 10, "lunch?", List.of("Carol"), T0);
        store.saveInbound("Dave", null, 11, "fire drill", true, T0, T0);
        ChatMessage everyone = store.saveOutgoing(ChatMessage.EVERYONE, true, 12, "cake in the kitchen",
                List.of("Bob"), T0);

        List<Conversation> all = store.conversations();

        assertThat(all).extracting(Conversation::key).containsExactly("*", "CAROL", "BOB", "ERIN", "ZED");
        assertThat(all.get(0)).isEqualTo(new Conversation("*", "*", false, 1,
                everyone.withState(everyone.state(), everyone.updatedAt(), List.of())));
        assertThat(all.get(1).name()).isEqualTo("Carol");
        assertThat(all.get(1).unread()).isZero(); // our own message is never unread
        assertThat(all.get(2)).extracting(Conversation::name, Conversation::online, Conversation::unread)
                .containsExactly("Bob", true, 1); // the roster's spelling, and its presence
        assertThat(all.get(2).latest().body()).isEqualTo("morning");
        assertThat(all.get(3)).isEqualTo(new Conversation("ERIN", "Erin", true, 0, null));
        assertThat(all.get(4)).isEqualTo(new Conversation("ZED", "Zed", false, 0, null));
    }

    @Test
    void aConversationQuietForThousandsOfMessagesIsStillListedWithItsNewestMessage() {
        received("Ann", "from long ago");
        store.batch(() -> {
            for (int i = 0; i < 3000; i++) {
                store.saveInbound("Bob", null, i + 1, "chatter " + i, false, T0, T0);
            }
            return null;
        });

        List<Conversation> all = store.conversations();

        assertThat(all).extracting(Conversation::key).containsExactly("BOB", "ANN");
        assertThat(all.get(1).latest().body()).isEqualTo("from long ago");
        assertThat(all.get(0).unread()).isEqualTo(3000);
    }

    @Test
    void readingUpToAMessageLeavesLaterOnesUnreadAndSurvivesARestart() {
        long first = received("Bob", "one");
        received("Bob", "two");
        long third = received("Bob", "three");
        received("Carol", "elsewhere");

        assertThat(store.markRead("BOB", first)).get().extracting(Conversation::unread).isEqualTo(2);
        store.close();
        store = StoreFiles.open(file);
        assertThat(unread("BOB")).isEqualTo(2);
        assertThat(unread("CAROL")).isEqualTo(1);

        assertThat(store.markRead("BOB", third)).get().extracting(Conversation::unread).isEqualTo(0);
        assertThat(store.markRead("BOB", first)).get().extracting(Conversation::unread)
                .as("reading an older position does not bring messages back").isEqualTo(0);
        received("Bob", "four");
        assertThat(unread("BOB")).isEqualTo(1);
        assertThat(store.markRead("NOBODY", third)).isEmpty();
    }

    @Test
    void broadcastsAreReadAsOneConversation() {
        long drill = store.saveInbound("Dave", null, 1, "fire drill", true, T0, T0).orElseThrow().rowId();
        store.saveInbound("Erin", null, 2, "cake", true, T0, T0);

        assertThat(unread("*")).isEqualTo(2);
        assertThat(store.markRead("*", drill)).get().extracting(Conversation::unread).isEqualTo(1);
        assertThat(unread("DAVE")).as("a broadcast is not in the sender's direct conversation").isEqualTo(-1);
    }

    @Test
    void versionTwoDatabaseGainsConversationsWithEveryOldMessageRead() throws Exception {
        store.close();
        Path old = dir.resolve("v2.db");
        StoreFiles.olderVersion(old, List.of(new CreateCoreTables(StoreFiles.CLOCK), new AddBodySearch()), List.of(
                StoreFiles.stored(Direction.INBOUND, "bob", 1, "old one", false),
                StoreFiles.stored(Direction.INBOUND, "BOB", 2, "old two", false),
                StoreFiles.stored(Direction.OUTBOUND, ChatMessage.EVERYONE, 3, "to all", true),
                StoreFiles.stored(Direction.INBOUND, "Dave", 4, "to all too", true)));

        store = StoreFiles.open(old);

        List<Conversation> all = store.conversations();
        assertThat(all).extracting(Conversation::key, Conversation::name, Conversation::unread)
                .containsExactly(Tuple.tuple("*", "*", 0),
                        Tuple.tuple("BOB", "BOB", 0));
        assertThat(all).extracting(c -> c.latest().body()).containsExactly("to all too", "old two");
        received("Bob", "new");
        assertThat(unread("BOB")).isEqualTo(1);
    }

    @Test
    void aSeenReceiptFollowsDeliveredAndNothingTakesItBack() {
        ChatMessage sent = store.saveOutgoing("Bob", false, 40, "lunch?", List.of("Bob"), T0);
        assertThat(store.updateReceipt(sent.rowId(), "Bob", DeliveryState.DELIVERED, T0).state())
                .isEqualTo(DeliveryState.DELIVERED);
        ChatMessage seen = store.updateReceipt(sent.rowId(), "bob", DeliveryState.SEEN, T0.plusSeconds(5));
        assertThat(seen.state()).isEqualTo(DeliveryState.SEEN);
        assertThat(seen.receipts()).singleElement().satisfies(r -> assertThat(r.confirmedAt()).isEqualTo(T0));
        assertThat(store.updateReceipt(sent.rowId(), "Bob", DeliveryState.DELIVERED, T0.plusSeconds(9)).state())
                .as("a late CONF retry").isEqualTo(DeliveryState.SEEN);
        assertThat(store.updateReceipt(sent.rowId(), "Bob", DeliveryState.FAILED, T0.plusSeconds(9)).state())
                .isEqualTo(DeliveryState.SEEN);
    }

    @Test
    void aBroadcastIsSeenWhenEveryRecipientSawIt() {
        ChatMessage all = store.saveOutgoing(ChatMessage.EVERYONE, true, 41, "cake", List.of("Bob", "Carol"), T0);
        store.updateReceipt(all.rowId(), "Bob", DeliveryState.SEEN, T0);
        assertThat(store.updateReceipt(all.rowId(), "Carol", DeliveryState.DELIVERED, T0).state())
                .isEqualTo(DeliveryState.DELIVERED);
        assertThat(store.updateReceipt(all.rowId(), "Carol", DeliveryState.SEEN, T0).state())
                .isEqualTo(DeliveryState.SEEN);
    }

    private int unread(String key) {
        return store.conversations().stream().filter(c -> c.key().equals(key)).mapToInt(Conversation::unread)
                .findFirst().orElse(-1);
    }
}
