package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.inbound;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.Status;
import org.traytalk.testing.FakeMessenger;

class AwayWatchTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final ManualTimers time = new ManualTimers();
    private final AlertQueue alerts = new AlertQueue(messenger, time.clock, time, AlertOptions.DEFAULTS);
    private final AwayWatch watch = new AwayWatch(messenger, Runnable::run, alerts);

    @BeforeEach
    void attach() {
        alerts.attach(Runnable::run);
        watch.configure(Duration.ofMinutes(10), "in a meeting until 3");
    }

    private static Optional<Duration> idle(int minutes) {
        return Optional.of(Duration.ofMinutes(minutes));
    }

    @Test
    void awayAfterTheIdleTimeBackOnInputWithTheStatusLineThroughout() {
        watch.tick(idle(9));
        assertThat(watch.away()).isFalse();
        watch.tick(idle(10));
        assertThat(watch.away()).isTrue();
        watch.tick(idle(11));
        watch.tick(Optional.empty()); // the desktop could not tell: nothing changes
        assertThat(watch.away()).isTrue();
        watch.tick(idle(0));
        assertThat(watch.away()).isFalse();
        assertThat(messenger.statuses).containsExactly(new Status(false, "in a meeting until 3"),
                new Status(true, "in a meeting until 3"), new Status(false, "in a meeting until 3"));
    }

    @Test
    void zeroMinutesMeansNeverAwayAndSwitchingItOffComesBack() {
        watch.tick(idle(30));
        assertThat(watch.away()).isTrue();
        watch.configure(Duration.ZERO, "");
        assertThat(watch.away()).isFalse();
        watch.tick(idle(600));
        assertThat(watch.away()).isFalse();
        assertThat(messenger.status()).isEqualTo(Status.AVAILABLE);
    }

    @Test
    void comingBackSummarisesWhatArrivedMeanwhileAndIsStillUnread() {
        watch.tick(idle(10));
        ChatMessage fromBob = inbound("BOB", "are you there?", time.now());
        messenger.fire(l -> l.messageReceived(fromBob));
        messenger.fire(l -> l.messageReceived(inbound("CAROL", "lunch?", time.now())));
        messenger.fire(l -> l.messageReceived(inbound("CAROL", "hello?", time.now())));
        messenger.fire(l -> l.conversationRead(new Conversation("BOB", "BOB", true, 0, fromBob)));
        time.advance(Duration.ofMinutes(30)); // the pop-ups hid long ago

        watch.tick(idle(0));

        assertThat(alerts.visible()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Alert.Kind.AWAY);
            assertThat(a.title()).isEqualTo("2 messages from CAROL while you were away");
        });
    }

    @Test
    void nothingMissedNoSummary() {
        watch.tick(idle(10));
        watch.tick(idle(0));
        assertThat(alerts.visible()).isEmpty();
    }
}
