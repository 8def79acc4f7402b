package org.traytalk.tray.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.tray.window.FakeMessenger.T0;
import static org.traytalk.tray.window.FakeMessenger.inbound;
import static org.traytalk.tray.window.FakeMessenger.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Receipt;

class DeliveryMarkAndTimeTextTest {

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
        TimeText times = new TimeText(Clock.fixed(T0.plus(Duration.ofHours(3)), ZoneOffset.UTC)); // Wed 25 Nov 2026
        assertThat(times.brief(T0)).isEqualTo("09:00");
        assertThat(times.brief(T0.minus(Duration.ofDays(1)))).isEqualTo("Yesterday");
        assertThat(times.brief(T0.minus(Duration.ofDays(3)))).isEqualTo("Sun");
        assertThat(times.brief(T0.minus(Duration.ofDays(30)))).isEqualTo("26 Oct");
        assertThat(times.brief(T0.minus(Duration.ofDays(365)))).isEqualTo("25 Nov 2025");
        assertThat(times.stamp(T0)).isEqualTo("09:00");
        assertThat(times.stamp(T0.minus(Duration.ofDays(1)))).isEqualTo("Yesterday, 09:00");
        assertThat(times.full(T0)).isEqualTo("Wednesday 25 November 2026, 09:00:00");
    }
}
