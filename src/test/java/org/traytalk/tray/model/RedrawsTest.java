package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A storm of changes is drawn a few times a second; a lone change at once. */
class RedrawsTest {
    private final ManualTimers timers = new ManualTimers();
    private int drawn;
    private final Redraws redraws = new Redraws(timers, Redraws.GAP, () -> drawn++);

    @Test
    void aLoneChangeIsDrawnAtOnce() {
        redraws.request();
        timers.advance(Duration.ZERO);
        assertThat(drawn).isEqualTo(1);
        timers.advance(Duration.ofSeconds(5));
        assertThat(drawn).isEqualTo(1);
        redraws.request();
        timers.advance(Duration.ZERO);
        assertThat(drawn).as("after a quiet gap, at once again").isEqualTo(2);
    }

    @Test
    void tenThousandChangesInTenSecondsAreDrawnAtMostFourTimesASecond() {
        for (int i = 0; i < 10_000; i++) {
            redraws.request();
            timers.advance(Duration.ofMillis(1));
        }
        assertThat(drawn).isBetween(39, 41);
        timers.advance(Redraws.GAP);
        int afterTheStorm = drawn;
        timers.advance(Duration.ofSeconds(5));
        assertThat(drawn).as("the last change is drawn, then nothing").isEqualTo(afterTheStorm);
    }

    @Test
    void aStoppedViewIsNotDrawnEvenWhenADrawWasDue() {
        redraws.request();
        redraws.stop();
        redraws.request();
        timers.advance(Duration.ofSeconds(1));
        assertThat(drawn).isZero();
        assertThat(timers.pending()).isZero();
    }

    @Test
    void whatTheUserDidIsDrawnAtOnceInTheMiddleOfAStorm() {
        redraws.request();
        timers.advance(Duration.ZERO);
        redraws.request(); // waits for the gap
        redraws.now();
        assertThat(drawn).isEqualTo(2);
        timers.advance(Redraws.GAP);
        assertThat(drawn).as("nothing changed since: the gap ends quietly").isEqualTo(2);
    }
}
