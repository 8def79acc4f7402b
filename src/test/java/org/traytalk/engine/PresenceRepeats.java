package org.traytalk.engine;

import java.util.stream.Collectors;

/** When a node repeats its start-up announcement, for benchmarks that play many nodes outside the engine. */
public final class PresenceRepeats {
    private PresenceRepeats() {
    }

    /** PresenceKeeper's repeats in whole seconds (at least 1), comma-separated: "1,3". */
    public static String seconds() {
        return PresenceKeeper.REPEATS.stream().map(d -> Long.toString(Math.max(1, d.toSeconds())))
                .collect(Collectors.joining(","));
    }
}
