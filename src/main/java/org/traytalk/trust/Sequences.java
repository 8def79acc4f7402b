package org.traytalk.trust;

import java.time.Clock;
import java.util.function.LongSupplier;
import org.traytalk.store.MessageStore;

/**
 * This node's announcement and handshake numbers: ever growing, across restarts and clock changes, so peers can
 * refuse an old one sent again. Reserved from the store in blocks, and never below the clock in microseconds, so a
 * new store (history deleted) still continues above what peers saw. Engine thread only.
 */
public final class Sequences implements LongSupplier {
    static final int BLOCK = 4096;

    private final MessageStore store;
    private final Clock clock;
    private long next;
    private int remaining;

    public Sequences(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public long getAsLong() {
        if (remaining == 0) {
            next = store.reserveSequences(clock.millis() * 1000, BLOCK);
            remaining = BLOCK;
        }
        remaining--;
        return next++;
    }
}
