package org.traytalk.store;

import java.util.List;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Receipt;

/** How an outgoing message's state follows from its recipients' receipts. */
final class ReceiptRules {

    private ReceiptRules() {
    }

    /**
     * DELIVERED when every receipt is DELIVERED, else SENT if any receipt is SENT, FAILED if every receipt not yet
     * DELIVERED has FAILED, else QUEUED.
     */
    static DeliveryState derive(List<Receipt> receipts) {
        if (receipts.isEmpty()) {
            throw new IllegalArgumentException("a message state is derived from at least one receipt");
        }
        if (receipts.stream().allMatch(r -> r.state() == DeliveryState.DELIVERED)) {
            return DeliveryState.DELIVERED;
        }
        if (receipts.stream().anyMatch(r -> r.state() == DeliveryState.SENT)) {
            return DeliveryState.SENT;
        }
        boolean allUnconfirmedFailed = receipts.stream()
                .filter(r -> r.state() != DeliveryState.DELIVERED)
                .allMatch(r -> r.state() == DeliveryState.FAILED);
        return allUnconfirmedFailed ? DeliveryState.FAILED : DeliveryState.QUEUED;
    }
}
