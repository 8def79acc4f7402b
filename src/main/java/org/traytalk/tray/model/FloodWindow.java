package org.traytalk.tray.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.traytalk.model.Peer;

/** Counts each sender's messages within a sliding time window. */
final class FloodWindow {
    private final Map<String, Deque<Instant>> arrivals = new HashMap<>();

    /** Records one message from {@code name} at {@code now}; returns how many arrived within {@code window}. */
    int arrive(String name, Instant now, Duration window) {
        Instant oldest = now.minus(window);
        arrivals.values().forEach(times -> {
            while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
                times.pollFirst();
            }
        });
        arrivals.values().removeIf(Deque::isEmpty);
        Deque<Instant> times = arrivals.computeIfAbsent(Peer.keyOf(name), k -> new ArrayDeque<>());
        times.addLast(now);
        return times.size();
    }
}
