package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.keyChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.PeerAddress;
import org.traytalk.testing.FakeMessenger;

/** The one list of key changes waiting for review: the background thread and the UI thread are queues run by hand. */
class KeyChangeListTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final QueuedThreads threads = new QueuedThreads();
    private final KeyChangeList list = new KeyChangeList(messenger, threads.background(), threads.ui());
    private final List<String> told = new ArrayList<>();
    private final KeyChange bob = keyChange("BOB", 1, 0);

    @BeforeEach
    void listen() {
        list.onChange(new KeyChangeList.Listener() {
            @Override
            public void listChanged() {
                told.add("list " + list.pending().stream().map(c -> c.name() + "/" + c.held()).toList());
            }

            @Override
            public void raised(KeyChange change) {
                told.add("raised " + change.name() + "/" + change.held());
            }
        });
    }


    private void turnsUp(KeyChange c) {
        messenger.keyChanges.removeIf(k -> k.name().equals(c.name()) && k.offered().equals(c.offered()));
        messenger.keyChanges.add(c);
        messenger.fire(l -> l.keyChanged(c));
        threads.runAll();
    }

    @Test
    void readsWhatWaitsAtStartWithoutRaisingIt() {
        messenger.keyChanges.add(bob);
        list.attach();
        assertThat(list.pending()).as("read in the background, not at once").isEmpty();
        threads.runAll();
        assertThat(list.pending()).containsExactly(bob);
        assertThat(told).containsExactly("list [BOB/0]");
        assertThat(list.forName("bob")).contains(bob);
        assertThat(list.forName("CAROL")).isEmpty();
    }

    @Test
    void aChangeAndEachHeldMessageRaiseItAndTheCountFollows() {
        list.attach();
        threads.runAll();
        turnsUp(bob);
        turnsUp(keyChange("BOB", 1, 1));
        assertThat(told).containsExactly("list [BOB/0]", "raised BOB/0", "list [BOB/1]", "raised BOB/1");
        assertThat(list.pending()).singleElement().extracting(KeyChange::held).isEqualTo(1);

        KeyChange carol = keyChange("CAROL", 2, 3);
        turnsUp(carol);
        assertThat(list.pending()).extracting(KeyChange::name).containsExactly("BOB", "CAROL");
    }

    @Test
    void anEventDuringTheFirstReadIsNotLostToAnOlderSnapshot() {
        messenger.keyChanges.add(bob); // the store as the read finds it
        list.attach();
        KeyChange newer = keyChange("BOB", 1, 2);
        messenger.fire(l -> l.keyChanged(newer)); // queued on the UI thread before the read's answer
        threads.runAll();
        assertThat(list.pending()).containsExactly(newer);
    }

    @Test
    void acceptingTrustsOffTheUiThreadThenDropsTheChange() {
        messenger.keyChanges.add(bob);
        list.attach();
        threads.runAll();
        List<Optional<String>> results = new ArrayList<>();
        list.accept(bob, results::add);
        assertThat(messenger.trusted).as("not on the calling thread").isEmpty();
        threads.background.poll().run();
        assertThat(messenger.trusted).containsExactly("BOB " + bob.offered());
        threads.runAll();
        assertThat(results).containsExactly(Optional.empty());
        assertThat(list.pending()).isEmpty();
    }

    @Test
    void aRefusedAcceptSaysWhyAndKeepsTheChange() {
        list.attach();
        threads.runAll();
        turnsUp(bob);
        messenger.keyChanges.clear(); // the messenger no longer knows it: trust refuses
        List<Optional<String>> results = new ArrayList<>();
        list.accept(bob, results::add);
        threads.runAll();
        assertThat(results).singleElement().satisfies(r -> assertThat(r).hasValueSatisfying(why ->
                assertThat(why).startsWith("No TrayTalk identity " + bob.offered())));
        assertThat(list.pending()).containsExactly(bob);
    }

    @Test
    void aFailingMessengerIsReportedNotThrown() {
        messenger.trustFailure = new IllegalStateException("the store is closed");
        List<Optional<String>> results = new ArrayList<>();
        list.accept(bob, results::add);
        threads.runAll();
        assertThat(results).containsExactly(Optional.of("Could not accept the key: the store is closed"));
    }

    @Test
    void keepingTheOldKeyHidesTheChangeAndItsFurtherMessagesStayQuiet() {
        list.attach();
        threads.runAll();
        turnsUp(bob);
        told.clear();
        list.keep(bob);
        assertThat(list.pending()).isEmpty();
        assertThat(told).containsExactly("list []");
        turnsUp(keyChange("BOB", 1, 1));
        assertThat(told).as("one more held message of the key kept out raises nothing").containsExactly("list []");

        KeyChange another = keyChange("BOB", 7, 0);
        turnsUp(another);
        assertThat(list.pending()).as("yet another identity under the name is news").containsExactly(another);
    }

    @Test
    void theOfferedIdentityComingOnlineMeansItWasAcceptedElsewhere() {
        messenger.keyChanges.add(bob);
        list.attach();
        threads.runAll();
        messenger.keyChanges.clear(); // traytalk trust BOB ... ran in a terminal
        Peer stranger = new Peer("BOB", new PeerAddress("udp", "10.0.0.9:42138"), FakeMessenger.T0, true, 3,
                FakeMessenger.fingerprintOf(5));
        messenger.fire(l -> l.peerOnline(stranger));
        threads.runAll();
        assertThat(list.pending()).as("another identity online tells nothing").containsExactly(bob);

        Peer accepted = new Peer("Bob", stranger.address(), FakeMessenger.T0, true, 3, bob.offered());
        messenger.fire(l -> l.peerOnline(accepted));
        threads.runAll();
        assertThat(list.pending()).isEmpty();
    }

    @Test
    void eventsReachTheListOnTheUiThread() throws Exception {
        KeyChangeList onSwing = new KeyChangeList(messenger, Runnable::run, SwingUtilities::invokeLater);
        onSwing.attach();
        boolean[] onEdt = {false};
        onSwing.onChange(new KeyChangeList.Listener() {
            @Override
            public void listChanged() {
                onEdt[0] = SwingUtilities.isEventDispatchThread();
            }
        });
        messenger.fire(l -> l.keyChanged(bob));
        SwingUtilities.invokeAndWait(() -> { });
        assertThat(onEdt[0]).isTrue();
    }
}
