package org.traytalk.tray.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.traytalk.model.DeliveryState;

/**
 * Which pop-up each quick reply (by its store row id) came from. Remembers the last few outbound states it was not
 * yet asked about, because the messenger may report a reply before {@code send} has returned its row id.
 */
final class ReplyWatch {
    private static final int EARLY_STATES = 64;

    private final Map<Long, Long> alertByRow = new HashMap<>();
    private final Map<Long, DeliveryState> early = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DeliveryState> eldest) {
            return size() > EARLY_STATES;
        }
    };

    /** Starts watching {@code rowId} for {@code alertId}; returns a state already reported for it, if any. */
    Optional<DeliveryState> watch(long rowId, long alertId) {
        alertByRow.put(rowId, alertId);
        return Optional.ofNullable(early.remove(rowId));
    }

    /** The pop-up a state change belongs to, or empty (then the state is kept in case it is asked for soon). */
    Optional<Long> alertFor(long rowId, DeliveryState state) {
        Long alertId = alertByRow.get(rowId);
        if (alertId == null) {
            early.put(rowId, state);
        }
        return Optional.ofNullable(alertId);
    }

    void forgetAlert(long alertId) {
        alertByRow.values().removeIf(id -> id == alertId);
    }
}
