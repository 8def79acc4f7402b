package org.traytalk.secure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    @Test
    void eachCounterIsAcceptedOnceInAnyOrderWithinTheWindow() {
        ReplayWindow window = new ReplayWindow();
        assertThat(window.accept(0)).isTrue();
        assertThat(window.accept(0)).isFalse();
        assertThat(window.accept(5)).isTrue();
        assertThat(window.accept(3)).isTrue();
        assertThat(window.accept(3)).isFalse();
        assertThat(window.accept(4)).isTrue();
        assertThat(window.accept(5)).isFalse();
    }

    @Test
    void countersOlderThanTheWindowAreRefusedEvenIfNeverSeen() {
        ReplayWindow window = new ReplayWindow();
        assertThat(window.accept(10_000)).isTrue();
        assertThat(window.accept(10_000 - ReplayWindow.SIZE)).isFalse();
        assertThat(window.accept(10_000 - ReplayWindow.SIZE + 64)).isTrue(); // the window is at least SIZE - 64 deep
        assertThat(window.accept(-1)).isFalse();
    }

    @Test
    void aBigJumpForgetsNothingItShouldRemember() {
        ReplayWindow window = new ReplayWindow();
        assertThat(window.accept(1)).isTrue();
        assertThat(window.accept(1_000_000)).isTrue();
        assertThat(window.accept(1_000_000 - 1)).isTrue();
        assertThat(window.accept(1_000_000 - 1)).isFalse();
        assertThat(window.accept(1)).isFalse();
    }

    @Test
    void matchesAPlainSetOfSeenCountersForRandomTraffic() {
        Random random = new Random(42); // replayable: a failure names its counter
        ReplayWindow window = new ReplayWindow();
        BitSet seen = new BitSet();
        long highest = -1;
        for (int i = 0; i < 200_000; i++) {
            int counter = (int) Math.max(0, highest + random.nextInt(80) - 60); // mostly forward, some late, some dups
            boolean expected;
            if (seen.get(counter)) {
                expected = false;
            } else if (counter > highest) {
                expected = true;
            } else {
                long lag = highest - counter;
                // surely inside when less than SIZE - 64 behind, surely outside at SIZE or more; between, it depends on words
                expected = lag < ReplayWindow.SIZE - 64 ? true : lag >= ReplayWindow.SIZE ? false : window.accept(counter);
                if (lag >= ReplayWindow.SIZE - 64 && lag < ReplayWindow.SIZE) {
                    if (expected) {
                        seen.set(counter);
                    }
                    continue;
                }
            }
            assertThat(window.accept(counter)).as("counter %d after highest %d", counter, highest).isEqualTo(expected);
            if (expected) {
                seen.set(counter);
                highest = Math.max(highest, counter);
            }
        }
    }
}
