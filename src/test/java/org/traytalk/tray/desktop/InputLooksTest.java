package org.traytalk.tray.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.traytalk.platform.idle.IdleTime;
import org.traytalk.tray.model.ManualTimers;

/** When the input looks come, what they hand to the UI thread, and when the idle time's connection is held. */
class InputLooksTest {
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private final ManualTimers time = new ManualTimers();
    private final List<String> events = new ArrayList<>(); // looks, releases and what the UI thread was told
    private final List<Runnable> uiQueue = new ArrayList<>();
    private Duration idleFor = Duration.ZERO;
    private int made;

    private final IdleTime idle = new IdleTime() {
        @Override
        public Optional<Duration> sinceLastInput() {
            events.add("look " + idleFor.toSeconds());
            return Optional.of(idleFor);
        }

        @Override
        public void release() {
            events.add("release");
        }
    };

    private final InputLooks looks = new InputLooks(() -> {
        made++;
        return idle;
    }, time, uiQueue::add, since -> events.add("tell " + since.orElseThrow().toSeconds()));

    /** Looks with away.minutes = 10 while nobody touches anything: the first look sees the user away. */
    private void awayAfterTenIdleMinutes() {
        looks.lookWith(TEN_MINUTES);
        idleFor = TEN_MINUTES;
        time.advance(TEN_MINUTES);
    }

    @Test
    void theFirstLookComesWhenTheUserCouldBeAwayAndTheIdleTimeIsMadeThen() {
        looks.lookWith(TEN_MINUTES);
        time.advance(TEN_MINUTES.minusSeconds(1));
        assertThat(made).isZero();
        assertThat(events).isEmpty();
        idleFor = Duration.ofMinutes(3); // the user was here 3 minutes ago: the next look 7 minutes on
        time.advance(Duration.ofSeconds(1));
        assertThat(made).isEqualTo(1);
        assertThat(events).containsExactly("look 180", "release");
        time.advance(Duration.ofMinutes(7).minusSeconds(1));
        assertThat(events).hasSize(2);
        time.advance(Duration.ofSeconds(1));
        assertThat(events).hasSize(4);
    }

    @Test
    void whileAwayTheLooksComeEveryFewSecondsOnOneConnectionAndOnlyChangesReachTheUi() {
        awayAfterTenIdleMinutes();
        assertThat(events).containsExactly("look 600");
        assertThat(uiQueue).hasSize(1);
        uiQueue.remove(0).run();
        assertThat(events).endsWith("tell 600");

        idleFor = TEN_MINUTES.plusSeconds(5);
        time.advance(InputLooks.AWAY_LOOK);
        idleFor = TEN_MINUTES.plusSeconds(10);
        time.advance(InputLooks.AWAY_LOOK);
        assertThat(events).containsExactly("look 600", "tell 600", "look 605", "look 610"); // nothing released
        assertThat(uiQueue).isEmpty();

        idleFor = Duration.ofSeconds(2); // back: told, and the connection let go
        time.advance(InputLooks.AWAY_LOOK);
        assertThat(events).endsWith("look 610", "look 2", "release");
        uiQueue.remove(0).run();
        assertThat(events).endsWith("tell 2");
        assertThat(made).isEqualTo(1);
    }

    @Test
    void aNewAwayTimeStartsAfreshAndZeroStopsTheLooksAndReleases() {
        awayAfterTenIdleMinutes();
        looks.lookWith(Duration.ofMinutes(20)); // still away: the next look soon
        assertThat(events).containsExactly("look 600", "release");
        time.advance(InputLooks.AWAY_LOOK);
        // 10 idle minutes are not away with 20: back, told, and the connection let go
        assertThat(events).containsExactly("look 600", "release", "look 600", "release");
        assertThat(uiQueue).hasSize(2);

        looks.lookWith(Duration.ZERO);
        time.advance(Duration.ofHours(1));
        assertThat(events).endsWith("release");
        assertThat(time.pending()).isZero();
    }

    @Test
    void stopCancelsTheNextLookAndLetsTheConnectionGo() {
        awayAfterTenIdleMinutes();
        looks.stop();
        time.advance(Duration.ofHours(1));
        assertThat(events).containsExactly("look 600", "release");
        assertThat(time.pending()).isZero();
    }

    @Test
    void anIdleDesktopIsLookedAtOnceItCouldBeAwayThenOftenUntilTheUserIsBack() {
        assertThat(InputLooks.nextLook(false, Optional.of(Duration.ofSeconds(2)), TEN_MINUTES))
                .isEqualTo(Duration.ofSeconds(598));
        assertThat(InputLooks.nextLook(false, Optional.of(Duration.ofMinutes(9).plusSeconds(58)), TEN_MINUTES))
                .as("never sooner than the usual look").isEqualTo(InputLooks.AWAY_LOOK);
        assertThat(InputLooks.nextLook(true, Optional.of(Duration.ofMinutes(30)), TEN_MINUTES))
                .isEqualTo(InputLooks.AWAY_LOOK);
        assertThat(InputLooks.nextLook(false, Optional.empty(), TEN_MINUTES)).isEqualTo(InputLooks.AWAY_LOOK);
    }
}
