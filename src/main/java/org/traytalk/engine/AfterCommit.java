package org.traytalk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.traytalk.store.MessageStore;

/**
 * Holds back what must not happen before the store committed: receipts and other datagrams, and events.
 * Inside {@link #batch} they queue up and run once the batch's single commit succeeded; if the commit
 * fails they are dropped, so no receipt ever confirms a message that is not on disk. Engine thread only.
 */
final class AfterCommit {
    private final MessageStore store;
    private List<Runnable> pending;

    AfterCommit(MessageStore store) {
        this.store = store;
    }

    /** Runs now outside a batch, after the commit inside one. */
    void run(Runnable action) {
        if (pending != null) {
            pending.add(action);
        } else {
            action.run();
        }
    }

    boolean inBatch() {
        return pending != null;
    }

    /** Runs the work as one store transaction, then what it held back. Nested calls join the outer batch. */
    <T> T batch(Supplier<T> work) {
        if (pending != null) {
            return work.get();
        }
        pending = new ArrayList<>();
        List<Runnable> held;
        T result;
        try {
            result = store.batch(work);
        } finally {
            held = pending;
            pending = null;
        }
        held.forEach(Runnable::run);
        return result;
    }
}
