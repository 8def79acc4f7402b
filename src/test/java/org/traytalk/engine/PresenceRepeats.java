package org.traytalk.engine;

import java.util.stream.Collectors;

/** When a node repeats its start-up announcement, for benchmarks that play many nodes outside the engine. */
public final class PresenceRepeats {
    /** How much each repeat is jittered, either way. */
    public static final double JITTER = 0.1;

    private PresenceRepeats() {
    }

    /**
     * PresenceKeeper's repeats in milliseconds after the announcement, comma-separated, each followed by {@code +}
     * when it asks again (a DETECT before its ONLINE): "1000+,2000,3000+".
     */
    public static String schedule() {
        return PresenceKeeper.REPEATS.stream().map(r -> r.after().toMillis() + (r.ask() ? "+" : ""))
                .collect(Collectors.joining(","));
    }
}
