package org.traytalk.tray.model;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/** Each pop-up's hide timer, paused while the pointer is over the pop-up. */
final class HideTimers {
    private final TrayTimers timers;
    private final LongConsumer expired;
    private final Map<Long, TrayTimers.Pending> pending = new HashMap<>();
    private final Set<Long> hovered = new HashSet<>();

    HideTimers(TrayTimers timers, LongConsumer expired) {
        this.timers = timers;
        this.expired = expired;
    }

    /** (Re)starts the countdown, unless the pop-up is hovered; a zero time means it stays until closed. */
    void start(long id, Duration hideAfter) {
        cancel(id);
        if (!hovered.contains(id) && !hideAfter.isZero()) {
            pending.put(id, timers.after(hideAfter, () -> {
                pending.remove(id);
                expired.accept(id);
            }));
        }
    }

    void hover(long id) {
        hovered.add(id);
        cancel(id);
    }

    /** Returns whether it was hovered. */
    boolean unhover(long id) {
        return hovered.remove(id);
    }

    boolean isHovered(long id) {
        return hovered.contains(id);
    }

    void forget(long id) {
        cancel(id);
        hovered.remove(id);
    }

    private void cancel(long id) {
        TrayTimers.Pending p = pending.remove(id);
        if (p != null) {
            p.cancel();
        }
    }
}
