package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.store.StoreFiles.T0;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.KeyChange;
import org.traytalk.model.KeyPin;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.model.PeerKey;
import org.traytalk.testing.TestTrust;

/** Pinned identities, identities offered under a pinned name, held messages, and duplicates by identity. */
class IdentitiesStoreTest {
    @TempDir
    Path tmp;
    MessageStore store;
    final PeerKey bob = TestTrust.identity(1).publicKey();
    final PeerKey other = TestTrust.identity(2).publicKey();
    final Instant old = T0.minusSeconds(3600);

    @BeforeEach
    void open() {
        store = StoreFiles.open(tmp.resolve("history.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void pinsSurviveARestartAndAPeerShowsItsPinnedIdentity() {
        store.pin("Bob", bob, T0);
        store.savePeer(new Peer("BOB", new PeerAddress("udp", "10.0.0.2:42138"), T0, true, 5));
        store.close();
        store = StoreFiles.open(tmp.resolve("history.db"));
        assertThat(store.pins()).containsExactly(new KeyPin("Bob", bob, T0));
        assertThat(store.peers()).singleElement().extracting(Peer::fingerprint).isEqualTo(bob.fingerprint());
        store.pin("BOB", other, T0.plusSeconds(1)); // one identity per name, case-insensitively
        assertThat(store.pins()).singleElement().extracting(KeyPin::key).isEqualTo(other);
    }

    @Test
    void aVerifiedSendersCopiesAreKnownByIdentityAndIdNotByName() {
        assertThat(store.saveInbound("BOB", bob.fingerprint(), 7, "hi", false, T0, old)).isPresent();
        assertThat(store.saveInbound("BOB", bob.fingerprint(), 7, "hi", false, T0, old)).isEmpty(); // a resend
        // somebody else's message with bob's next id (pre-empted) does not swallow bob's
        assertThat(store.saveInbound("BOB", other.fingerprint(), 8, "fake", false, T0, old)).isPresent();
        assertThat(store.saveInbound("BOB", bob.fingerprint(), 8, "real", false, T0, old)).isPresent()
                .get().extracting(ChatMessage::verified).isEqualTo(true);
    }

    @Test
    void anUnverifiedSendersCopiesMustHaveTheSameTextToo() {
        assertThat(store.saveInbound("FOXPC", null, 5, "pre-empted", false, T0, old)).isPresent()
                .get().extracting(ChatMessage::verified).isEqualTo(false);
        assertThat(store.saveInbound("FOXPC", null, 5, "the real one", false, T0, old)).isPresent();
        assertThat(store.saveInbound("foxpc", null, 5, "the real one", false, T0, old)).isEmpty();
        assertThat(store.history(HistoryQuery.latest(10))).extracting(ChatMessage::body)
                .containsExactly("the real one", "pre-empted");
    }

    @Test
    void anOfferedIdentityHoldsItsMessagesApartUntilAccepted() {
        store.pin("BOB", bob, T0);
        store.offerKey("BOB", other, T0);
        assertThat(store.hold("BOB", other, 1, "it's me", false, T0)).isTrue();
        assertThat(store.hold("BOB", other, 1, "it's me", false, T0.plusSeconds(1))).isFalse(); // a resend
        assertThat(store.hold("BOB", other, 2, "hello?", true, T0.plusSeconds(2))).isTrue();
        store.offerKey("BOB", other, T0.plusSeconds(5));
        assertThat(store.keyChanges()).singleElement().satisfies(c -> {
            assertThat(c).isEqualTo(new KeyChange("BOB", bob.fingerprint(), other.fingerprint(), other, T0,
                    T0.plusSeconds(5), 2));
        });
        assertThat(store.history(HistoryQuery.latest(10))).isEmpty(); // nothing shown

        List<ChatMessage> moved = store.acceptKey("BOB", other, T0.plusSeconds(9), old);
        assertThat(moved).extracting(ChatMessage::body).containsExactly("it's me", "hello?");
        assertThat(moved).allMatch(ChatMessage::verified);
        assertThat(moved.get(1).broadcast()).isTrue();
        assertThat(store.keyChanges()).isEmpty();
        assertThat(store.pins()).singleElement().extracting(KeyPin::key).isEqualTo(other);
        // its resends now count as copies
        assertThat(store.saveInbound("BOB", other.fingerprint(), 1, "it's me", false, T0, old)).isEmpty();
    }

    @Test
    void sequencesOnlyGrowEvenWhenTheClockGoesBack() {
        long first = store.reserveSequences(1_000, 10);
        assertThat(first).isEqualTo(1_000);
        assertThat(store.reserveSequences(500, 10)).isEqualTo(1_010); // the clock went back
        assertThat(store.reserveSequences(5_000, 10)).isEqualTo(5_000);
        store.close();
        store = StoreFiles.open(tmp.resolve("history.db"));
        assertThat(store.reserveSequences(0, 1)).isEqualTo(5_010);
    }

    @Test
    void onlyAPeerNothingTiesUsToIsForgottenWithItsPin() {
        for (String name : List.of("STRANGER", "FRIEND", "ASKED", "POSED")) {
            store.pin(name, TestTrust.identity(name.length()).publicKey(), T0);
            store.savePeer(new Peer(name, new PeerAddress("udp", "10.0.0.9:42138"), T0, false, 1));
        }
        store.saveInbound("FRIEND", null, 1, "hi", false, T0, old);
        store.saveOutgoing("ASKED", false, 2, "are you there?", List.of("ASKED"), T0);
        store.offerKey("POSED", other, T0);

        assertThat(store.forgetPeer("stranger")).isTrue();
        for (String tied : List.of("FRIEND", "ASKED", "POSED")) {
            assertThat(store.forgetPeer(tied)).as(tied).isFalse();
        }
        assertThat(store.peers()).extracting(Peer::name).containsExactly("ASKED", "FRIEND", "POSED");
        assertThat(store.pins()).extracting(KeyPin::name).containsExactly("ASKED", "FRIEND", "POSED");
        assertThat(store.forgetPeer("NEVER-HEARD")).as("nothing to forget, nothing tying").isTrue();
    }
}
