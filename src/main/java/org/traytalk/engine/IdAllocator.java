package org.traytalk.engine;

import org.traytalk.store.MessageStore;

/**
 * Hands out wire ids from blocks reserved in the store, so a restart never reuses an id and the store
 * is not written for every system message.
 */
final class IdAllocator {
    static final int BLOCK = 512;

    private final MessageStore store;
    private int next;
    private int remaining;

    IdAllocator(MessageStore store) {
        this.store = store;
    }

    int next() {
        if (remaining == 0) {
            next = store.reserveWireIds(BLOCK);
            remaining = BLOCK;
        }
        remaining--;
        return next++;
    }
}
