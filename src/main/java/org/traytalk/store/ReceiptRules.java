package org.traytalk.store;

import java.util.List;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.Receipt;

/** How an outgoing message's state follows from its recipients' receipts. */
final class ReceiptRules {

    private ReceiptRules() {
    }

    /**
     * SEEN when every receipt is SEEN, DELIVERED when every receipt is DELIVERED or SEEN, else SENT if any receipt is
     * SENT, FAILED if every receipt not yet delivered has FAILED, else QUEUED.
     */
    static DeliveryState derive(List<Receipt> receipts) {
        if (receipts.isEmpty()) {
            throw new IllegalArgumentException("a message state is derived from at least one receipt");
        }
        if (receipts.stream().allMatch(r -> r.state() == DeliveryState.SEEN)) {
            return DeliveryState.SEEN;
        }
        if (receipts.stream().allMatch(r -> r.state().isDelivered())) {
            return DeliveryState.DELIVERED;
        }
        if (receipts.stream().anyMatch(r -> r.state() == DeliveryState.SENT)) {
            return DeliveryState.SENT;
        }
        boolean allUnconfirmedFailed = receipts.stream()
                .filter(r -> !r.state().isDelivered())
                .allMatch(r -> r.state() == DeliveryState.FAILED);
        return allUnconfirmedFailed ? DeliveryState.FAILED : DeliveryState.QUEUED;
    }
}
