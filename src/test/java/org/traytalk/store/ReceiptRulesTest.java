package org.traytalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.model.DeliveryState.DELIVERED;
import static org.traytalk.model.DeliveryState.FAILED;
import static org.traytalk.model.DeliveryState.QUEUED;
import static org.traytalk.model.DeliveryState.SEEN;
import static org.traytalk.model.DeliveryState.SENT;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Receipt;

class ReceiptRulesTest {

    private static DeliveryState derive(DeliveryState... states) {
        List<Receipt> receipts = Arrays.stream(states).map(s -> new Receipt("p", s, null)).toList();
        return ReceiptRules.derive(receipts);
    }

    @Test
    void deliveredOnlyWhenEveryReceiptIsDelivered() {
        assertThat(derive(DELIVERED)).isEqualTo(DELIVERED);
        assertThat(derive(DELIVERED, DELIVERED, DELIVERED)).isEqualTo(DELIVERED);
        assertThat(derive(DELIVERED, SENT)).isEqualTo(SENT);
    }

    @Test
    void seenOnlyWhenEveryReceiptIsSeenAndSeenCountsAsDelivered() {
        assertThat(derive(SEEN)).isEqualTo(SEEN);
        assertThat(derive(SEEN, DELIVERED)).isEqualTo(DELIVERED);
        assertThat(derive(SEEN, SENT)).isEqualTo(SENT);
        assertThat(derive(SEEN, FAILED)).isEqualTo(FAILED);
    }

    @Test
    void sentWinsOverFailedAndQueued() {
        assertThat(derive(SENT, FAILED)).isEqualTo(SENT);
        assertThat(derive(QUEUED, SENT)).isEqualTo(SENT);
    }

    @Test
    void failedWhenEveryUnconfirmedReceiptFailed() {
        assertThat(derive(FAILED)).isEqualTo(FAILED);
        assertThat(derive(DELIVERED, FAILED, FAILED)).isEqualTo(FAILED);
    }

    @Test
    void otherwiseQueued() {
        assertThat(derive(QUEUED)).isEqualTo(QUEUED);
        assertThat(derive(FAILED, QUEUED)).isEqualTo(QUEUED);
        assertThat(derive(DELIVERED, QUEUED)).isEqualTo(QUEUED);
    }

    @Test
    void noReceiptsIsAProgrammingError() {
        assertThatThrownBy(() -> ReceiptRules.derive(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
