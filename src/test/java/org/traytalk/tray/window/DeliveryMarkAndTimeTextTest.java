package org.traytalk.tray.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.FakeMessenger.T0;
import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Receipt;

class DeliveryMarkAndTimeTextTest {
    private static final Instant WED = Instant.parse("2026-11-25T09:00:00Z"); // a Wednesday

    @Test
    void inboundMessagesCarryNoMark() {
        assertThat(DeliveryMark.of(inbound(1, "Bob", "hi"))).isEmpty();
        assertThat(DeliveryMark.tooltip(inbound(1, "Bob", "hi"))).isEmpty();
    }

    @Test
    void aBroadcastTooltipCountsConfirmationsAndNamesWhoIsMissingAsPlainText() {
        var m = outbound(1, "*", "lunch", DeliveryState.SENT,
                new Receipt("Bob", DeliveryState.DELIVERED, T0),
                new Receipt("<html><b>Eve", DeliveryState.SENT, null));
        assertThat(DeliveryMark.tooltip(m))
                .isEqualTo("Sent, not confirmed yet (confirmed by 1 of 2; waiting for \u200B<html><b>Eve)");
    }

    @Test
    void timesAreShortTodayAndCarryTheDayOtherwise() {
        TimeText times = new TimeText(Clock.fixed(WED.plus(Duration.ofHours(3)), ZoneOffset.UTC));
        assertThat(times.brief(WED)).isEqualTo("09:00");
        assertThat(times.brief(WED.minus(Duration.ofDays(1)))).isEqualTo("Yesterday");
        assertThat(times.brief(WED.minus(Duration.ofDays(3)))).isEqualTo("Sun");
        assertThat(times.brief(WED.minus(Duration.ofDays(30)))).isEqualTo("26 Oct");
        assertThat(times.brief(WED.minus(Duration.ofDays(365)))).isEqualTo("25 Nov 2025");
        assertThat(times.stamp(WED)).isEqualTo("09:00");
        assertThat(times.stamp(WED.minus(Duration.ofDays(1)))).isEqualTo("Yesterday, 09:00");
        assertThat(times.full(WED)).isEqualTo("Wednesday 25 November 2026, 09:00:00");
    }
}
