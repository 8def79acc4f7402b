package org.traytalk.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AllowanceTest {
    private final AtomicLong nanos = new AtomicLong();

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }

    @Test
    void aBurstThenTheAverageRate() {
        Allowance<String> a = new Allowance<>(new Allowance.Rate(10, 50), 8, nanos::get);
        int taken = 0;
        for (int i = 0; i < 1_000; i++) {
            taken += a.take("mallory") ? 1 : 0;
        }
        assertThat(taken).isEqualTo(50);
        for (int ms = 0; ms < 10_000; ms++) { // 10 s of asking every millisecond
            advanceMillis(1);
            taken += a.take("mallory") ? 1 : 0;
        }
        assertThat(taken).isBetween(149, 150);
        assertThat(a.take("bob")).as("another source has its own").isTrue();
    }

    @Test
    void unitsAreTakenWholeOrNotAtAll() {
        Allowance<String> bytes = new Allowance<>(new Allowance.Rate(1_000, 4_000), 8, nanos::get);
        assertThat(bytes.take("a", 3_000)).isTrue();
        assertThat(bytes.take("a", 3_000)).isFalse();
        assertThat(bytes.take("a", 1_000)).isTrue();
        advanceMillis(2_500);
        assertThat(bytes.take("a", 3_000)).isFalse();
        assertThat(bytes.take("a", 2_500)).isTrue();
        advanceMillis(3_600_000);
        assertThat(bytes.take("a", 4_000)).as("never more than the burst saved up").isTrue();
        assertThat(bytes.take("a", 1)).isFalse();
    }

    @Test
    void oncePerSoManySeconds() {
        Allowance<String> a = new Allowance<>(Allowance.Rate.oncePer(5), 8, nanos::get);
        assertThat(a.take("bob")).isTrue();
        assertThat(a.take("bob")).isFalse();
        advanceMillis(4_999);
        assertThat(a.take("bob")).isFalse();
        advanceMillis(1);
        assertThat(a.take("bob")).isTrue();
    }

    @Test
    void onlyTheKeysUsedLastAreRemembered() {
        Allowance<Integer> a = new Allowance<>(new Allowance.Rate(1, 1), 100, nanos::get);
        for (int key = 0; key < 10_000; key++) {
            a.take(key);
        }
        assertThat(a.keys()).isEqualTo(100);
        assertThat(a.take(9_999)).as("remembered: spent").isFalse();
        assertThat(a.take(0)).as("forgotten: starts full").isTrue();
    }

    @Test
    void aRateNeedsAPositivePaceAndRoomForOne() {
        assertThatThrownBy(() -> new Allowance.Rate(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Allowance.Rate(1, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
