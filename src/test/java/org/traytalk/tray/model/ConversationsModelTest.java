package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.T0;
import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.keyChange;
import static org.traytalk.testing.FakeMessenger.legacyPeer;
import static org.traytalk.testing.FakeMessenger.peer;
import static org.traytalk.testing.FakeMessenger.unverifiedInbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.traytalk.engine.MessengerException;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Direction;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Status;
import org.traytalk.store.StoreException;
import org.traytalk.testing.FakeMessenger;

/** The conversations window's state without Swing: background reads and the UI thread are queues run by hand. */
class ConversationsModelTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final QueuedThreads threads = new QueuedThreads();
    private final List<String> told = new ArrayList<>();
    private final KeyChangeList keyChanges = new KeyChangeList(messenger, threads.background(), threads.ui());
    private final ConversationsModel model = new ConversationsModel(messenger, keyChanges, threads.background(),
            threads.ui());
    private ChatMessage fromBob;

    @BeforeEach
    void bobWroteTwice() {
        inbound("BOB", "one", T0);
        fromBob = inbound("BOB", "two", T0);
        messenger.conversations.add(new Conversation("BOB", "Bob", true, 2, fromBob));
        messenger.conversations.add(Conversation.empty("Carol", false));
        messenger.history.addAll(List.of(fromBob));
        model.attach(new ConversationsModel.View() {
            @Override
            public void messagesReplaced() {
                told.add("replaced " + model.messages().size());
            }

            @Override
            public void messageAdded(ChatMessage m) {
                told.add("added " + m.body());
            }

            @Override
            public void sendSettled(Optional<String> refusal) {
                told.add("settled " + refusal.orElse("ok"));
            }

            @Override
            public void keyChangesChanged() {
                told.add("keys");
            }
        });
    }


    private void tell(Consumer<MessengerListener> event) {
        messenger.fire(event);
        threads.runAll();
    }

    @Test
    void opensTheNewestConversationAndReadsItOnlyWhileTheWindowIsInFront() {
        threads.runAll();
        assertThat(model.openConversation()).map(Conversation::key).contains("BOB");
        assertThat(model.conversations()).extracting(Conversation::key).containsExactly("BOB", "*", "CAROL");
        assertThat(model.messages()).containsExactly(fromBob);
        assertThat(messenger.reads).as("not read while the window is behind others").isEmpty();

        model.setActive(true);
        threads.runAll();
        assertThat(messenger.reads).containsExactly("BOB@" + fromBob.rowId());
        tell(l -> l.conversationRead(new Conversation("BOB", "Bob", true, 0, fromBob)));
        assertThat(model.unreadTotal()).isZero();

        ChatMessage three = inbound("Bob", "three", T0);
        tell(l -> l.messageReceived(three));
        assertThat(told).contains("added three");
        assertThat(messenger.reads).as("arriving in the open conversation in front is reading it")
                .containsExactly("BOB@" + fromBob.rowId(), "BOB@" + three.rowId());
        tell(l -> l.conversationRead(new Conversation("BOB", "Bob", true, 0, three)));

        model.setActive(false);
        ChatMessage four = inbound("Bob", "four", T0);
        tell(l -> l.messageReceived(four));
        assertThat(model.conversations().get(0).unread()).isEqualTo(1);
        assertThat(messenger.reads).hasSize(2);
    }

    @Test
    void aMessageArrivingWhileTheListIsReadIsCountedOnce() {
        ChatMessage meanwhile = inbound("Carol", "hi", T0);
        messenger.fire(l -> l.messageReceived(meanwhile)); // queued on the UI thread before the list
        messenger.conversations.set(1, new Conversation("CAROL", "Carol", false, 1, meanwhile)); // and in the store
        threads.runAll();
        assertThat(model.conversations()).filteredOn(c -> c.key().equals("CAROL")).singleElement()
                .extracting(Conversation::unread).isEqualTo(1);
        assertThat(model.unreadTotal()).isEqualTo(3);
    }

    @Test
    void theComposerSendsToTheOpenConversationAndSaysWhyWhenRefused() {
        model.open("Carol");
        threads.runAll();
        model.send("lunch?");
        threads.runAll();
        assertThat(messenger.sent).containsExactly(new FakeMessenger.Sent("Carol", "lunch?"));
        assertThat(told).contains("settled ok");

        model.open("*");
        messenger.script = FakeMessenger.refused("too long");
        model.send("x");
        threads.runAll();
        assertThat(messenger.sent).as("asked, and refused").containsExactly(new FakeMessenger.Sent("Carol", "lunch?"),
                new FakeMessenger.Sent("*", "x"));
        assertThat(told).last().isEqualTo("settled too long");

        model.send("   ");
        assertThat(threads.background).as("blank text is not sent").isEmpty();
    }

    @Test
    void pastedLongTextAndEmojiGoOutAsTheyAre() {
        model.open("Carol");
        threads.runAll();
        String pasted = "Caf\u00E9 \uD83D\uDE00 \u2013 " + "long line of pasted text ".repeat(800) + "\n\tend";
        model.send(pasted);
        threads.runAll();
        assertThat(messenger.sent).containsExactly(new FakeMessenger.Sent("Carol", pasted));
    }

    @Test
    void whatIsSentAppearsWithItsDeliveryMarkChangingLive() {
        messenger.history.clear();
        model.open("Carol");
        threads.runAll();
        ChatMessage queued = new ChatMessage(500, Direction.OUTBOUND, "Carol", 9, "lunch?", T0, DeliveryState.QUEUED,
                T0, false, List.of());
        tell(l -> l.messageUpdated(queued));
        tell(l -> l.messageUpdated(queued.withState(DeliveryState.DELIVERED, T0, List.of())));
        assertThat(model.messages()).extracting(ChatMessage::state).containsExactly(DeliveryState.DELIVERED);
        assertThat(model.openConversation().orElseThrow().latest().state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void searchShowsResultsThenBlankGoesBackToTheConversation() {
        threads.runAll();
        model.search("two");
        assertThat(model.searching()).isTrue();
        assertThat(model.heading().subtitle()).isEqualTo("Searching\u2026");
        threads.runAll();
        assertThat(model.heading()).isEqualTo(new ConversationsModel.Heading("Search", "1 message found for \u201Ctwo\u201D"));
        model.search(" ");
        threads.runAll();
        assertThat(model.openConversation()).map(Conversation::key).contains("BOB");
        assertThat(model.heading()).isEqualTo(new ConversationsModel.Heading("Bob", "Online"));
    }

    @Test
    void aFailedReadSaysSoInTheHeading() {
        messenger.historyFailure = new StoreException("disk gone");
        threads.runAll();
        assertThat(model.heading().subtitle()).isEqualTo("Could not read the history: disk gone");
    }

    @Test
    void peersThatCannotBeVerifiedAreMarkedFromTheRosterOrTheirMessages() {
        messenger.peers.add(legacyPeer("Carol", false));
        threads.runAll();
        Conversation carol = model.conversations().stream().filter(c -> c.key().equals("CAROL")).findFirst()
                .orElseThrow();
        assertThat(model.unverified(carol)).isTrue();
        assertThat(model.unverified(model.openConversation().orElseThrow())).as("Bob").isFalse();
        model.open("Carol");
        threads.runAll();
        assertThat(model.heading().subtitle())
                .isEqualTo("Offline \u00B7 not verified: the original program cannot prove who sent what");

        tell(l -> l.messageReceived(unverifiedInbound(900, "WINPC", "hi")));
        Conversation winpc = model.conversations().stream().filter(c -> c.key().equals("WINPC")).findFirst()
                .orElseThrow();
        assertThat(model.unverified(winpc)).isTrue();
        assertThat(model.unverified(Conversation.empty("*", false))).isFalse();
    }

    @Test
    void theOpenPeersKeyChangeIsShownAndTheViewToldWhenItComesOrGoes() {
        keyChanges.attach();
        threads.runAll();
        assertThat(model.keyChange()).isEmpty();
        KeyChange bob = keyChange("BOB", 1, 2);
        messenger.keyChanges.add(bob);
        tell(l -> l.keyChanged(bob));
        assertThat(told).contains("keys");
        assertThat(model.keyChange()).contains(bob);
        assertThat(model.keyChange(Conversation.empty("*", false))).isEmpty();

        model.open("Carol");
        threads.runAll();
        assertThat(model.keyChange()).isEmpty();
        told.clear();
        keyChanges.keep(bob);
        assertThat(told).containsExactly("keys");
        assertThat(model.keyChange(Conversation.empty("Bob", true))).isEmpty();
    }

    @Test
    void aPeersAwayAndStatusLineShowInTheHeadingFromTheRosterAndLive() {
        messenger.peers.add(peer("Bob", true, new Status(true, "at lunch")));
        tell(l -> l.statusChanged("Carol", new Status(true, "gone"))); // before the roster is read: applied after it
        Conversation bob = model.openConversation().orElseThrow();
        assertThat(model.heading()).isEqualTo(new ConversationsModel.Heading("Bob", "Away \u00B7 at lunch"));
        assertThat(model.status(bob)).isEqualTo(new Status(true, "at lunch"));
        assertThat(model.status(model.conversations().get(2))).as("Carol is offline: no status shown")
                .isEqualTo(Status.AVAILABLE);

        tell(l -> l.statusChanged("BOB", new Status(false, "back at 3")));
        assertThat(model.heading().subtitle()).isEqualTo("Online \u00B7 back at 3");
        tell(l -> l.peerOffline(peer("Bob", false, new Status(false, "back at 3"))));
        assertThat(model.heading().subtitle()).isEqualTo("Offline");
        tell(l -> l.peerOnline(peer("Bob", true)));
        assertThat(model.heading().subtitle()).as("back without a status").isEqualTo("Online");
        assertThat(model.status(model.openConversation().orElseThrow())).isEqualTo(Status.AVAILABLE);
    }
}
