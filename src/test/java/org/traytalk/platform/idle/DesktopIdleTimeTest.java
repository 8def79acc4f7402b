package org.traytalk.platform.idle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Windows' and macOS's idle time, read through fakes of the calls JNA makes there. */
class DesktopIdleTimeTest {

    /** GetLastInputInfo and GetTickCount as a fake: the calls in order, and what each answers. */
    static final class FakeTicks implements WindowsIdleTime.Ticks {
        final List<String> calls = new ArrayList<>();
        OptionalInt lastInput = OptionalInt.empty();
        int now;

        @Override
        public OptionalInt lastInput() {
            calls.add("GetLastInputInfo");
            return lastInput;
        }

        @Override
        public int now() {
            calls.add("GetTickCount");
            return now;
        }
    }

    @Test
    void windowsIdleIsTheTickCountSinceTheLastInputReadInThatOrder() {
        FakeTicks ticks = new FakeTicks();
        ticks.lastInput = OptionalInt.of(1_000_000);
        ticks.now = 1_000_000 + 300_000;
        assertThat(new WindowsIdleTime(ticks).sinceLastInput()).contains(Duration.ofMinutes(5));
        // the input's tick first: GetTickCount read before it could be older than an input between the two calls
        assertThat(ticks.calls).containsExactly("GetLastInputInfo", "GetTickCount");
    }

    @Test
    void windowsTickCountsWrappingAfter49DaysStillGiveTheShortIdleTime() {
        FakeTicks ticks = new FakeTicks();
        ticks.lastInput = OptionalInt.of(0xFFFF_FF00); // 256 ms before the wrap
        ticks.now = 0x0000_0100; // 256 ms after it
        assertThat(new WindowsIdleTime(ticks).sinceLastInput()).contains(Duration.ofMillis(512));
        ticks.lastInput = OptionalInt.of(-5);
        ticks.now = -5;
        assertThat(new WindowsIdleTime(ticks).sinceLastInput()).contains(Duration.ZERO);
    }

    @Test
    void aFailedGetLastInputInfoTellsNothing() {
        FakeTicks ticks = new FakeTicks();
        assertThat(new WindowsIdleTime(ticks).sinceLastInput()).isEmpty();
        assertThat(ticks.calls).containsExactly("GetLastInputInfo");
    }

    @Test
    void macIdleIsCoreGraphicsSecondsSinceAnyInputOfTheHidSystem() {
        List<String> asked = new ArrayList<>();
        double[] answer = {12.5};
        MacIdleTime idle = new MacIdleTime((state, type) -> {
            asked.add(state + "/" + type);
            return answer[0];
        });
        assertThat(idle.sinceLastInput()).contains(Duration.ofMillis(12_500));
        assertThat(asked).containsExactly("1/-1"); // kCGEventSourceStateHIDSystemState, kCGAnyInputEventType
        answer[0] = -1;
        assertThat(idle.sinceLastInput()).isEmpty();
        answer[0] = Double.NaN;
        assertThat(idle.sinceLastInput()).isEmpty();
    }
}
