package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.keyChange;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.traytalk.model.KeyChange;
import org.traytalk.testing.FakeMessenger;
import org.traytalk.tray.model.KeyChangeDecision.Status;

/** The review dialog's state, without the dialog. */
class KeyChangeDecisionTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final QueuedThreads threads = new QueuedThreads();
    private final KeyChangeList list = new KeyChangeList(messenger, threads.background(), threads.ui());
    private final KeyChange bob = keyChange("BOB", 1, 1);
    private final List<String> drawn = new ArrayList<>();
    private KeyChangeDecision decision;

    @BeforeEach
    void reviewBob() {
        messenger.keyChanges.add(bob);
        list.attach();
        threads.runAll();
        decision = new KeyChangeDecision(list, bob, ZoneOffset.UTC,
                () -> drawn.add(decision.status() + " " + decision.change().held() + " " + decision.problem()));
    }


    @Test
    void acceptingShowsItIsUnderWayThenIsDone() {
        decision.accept();
        assertThat(decision.status()).isEqualTo(Status.ACCEPTING);
        decision.accept(); // a second click while it runs asks nothing more
        decision.keep(); // nor can the other button
        threads.runAll();
        assertThat(messenger.trusted).containsExactly("BOB " + bob.offered());
        assertThat(decision.status()).isEqualTo(Status.DONE);
        assertThat(drawn).startsWith("ACCEPTING 1 ").endsWith("DONE 1 ");
        assertThat(list.pending()).isEmpty();
    }

    @Test
    void aRefusedAcceptSaysWhyAndCanBeTriedAgain() {
        messenger.trustFailure = new IllegalStateException("the store is closed");
        decision.accept();
        threads.runAll();
        assertThat(decision.status()).isEqualTo(Status.WAITING);
        assertThat(decision.problem()).isEqualTo("Could not accept the key: the store is closed");
        assertThat(drawn).last().isEqualTo("WAITING 1 Could not accept the key: the store is closed");

        messenger.trustFailure = null;
        decision.accept();
        assertThat(decision.problem()).as("cleared while it tries again").isEmpty();
        threads.runAll();
        assertThat(decision.status()).isEqualTo(Status.DONE);
    }

    @Test
    void keepingTheOldKeyEndsTheReviewAndTheWarning() {
        decision.keep();
        assertThat(decision.status()).isEqualTo(Status.DONE);
        assertThat(list.pending()).isEmpty();
        assertThat(messenger.trusted).isEmpty();
    }

    @Test
    void moreHeldMessagesShowWhileItIsOpen() {
        KeyChange more = keyChange("BOB", 1, 3);
        messenger.fire(l -> l.keyChanged(more));
        threads.runAll();
        assertThat(decision.change().held()).isEqualTo(3);
        assertThat(decision.review().held()).startsWith("3 messages from the new key are held");
        assertThat(drawn).containsExactly("WAITING 3 ");
    }

    @Test
    void settledElsewhereTheReviewEnds() {
        list.keep(bob); // e.g. in the same review opened from the conversations window
        assertThat(decision.status()).isEqualTo(Status.DONE);
        assertThat(drawn).containsExactly("DONE 1 ");
    }

    @Test
    void closedWithoutADecisionTheChangeStaysWaiting() {
        decision.close();
        assertThat(decision.status()).isEqualTo(Status.DONE);
        assertThat(list.pending()).containsExactly(bob);
        messenger.fire(l -> l.keyChanged(keyChange("BOB", 1, 2)));
        threads.runAll();
        assertThat(drawn).as("a closed review redraws nothing").isEmpty();
    }
}
