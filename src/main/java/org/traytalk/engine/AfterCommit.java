package org.traytalk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.store.MessageStore;
import org.traytalk.store.StoreException;

/**
 * Holds back what must not happen before the store committed: receipts and other datagrams, and events.
 * Inside {@link #batch} they queue up and run once the batch's single commit succeeded; if the commit
 * fails they are dropped, so no receipt ever confirms a message that is not on disk. What the held actions
 * write in turn (a message marked SENT once its datagram left) commits together in one follow-up
 * transaction. Engine thread only.
 */
final class AfterCommit {
    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

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

    /**
     * Runs the work as one store transaction, then what it held back. Nested calls join the outer batch.
     * A failure of the work throws and nothing it held back runs; the follow-up never throws, since the work
     * itself is committed by then.
     */
    <T> T batch(Supplier<T> work) {
        if (pending != null) {
            return work.get();
        }
        T result = transaction(work);
        List<Runnable> held = taken();
        while (!held.isEmpty()) {
            List<Runnable> actions = held;
            try {
                transaction(() -> {
                    actions.forEach(AfterCommit::runGuarded);
                    return null;
                });
            } catch (StoreException e) {
                // only follow-up marks (SENT) were lost: the messages themselves are on disk and still tracked
                LOG.warn("Could not record what was sent after a commit: {}", e.getMessage());
            }
            held = taken();
        }
        return result;
    }

    private <T> T transaction(Supplier<T> work) {
        pending = new ArrayList<>();
        try {
            return store.batch(work);
        } catch (RuntimeException e) {
            pending = null;
            throw e;
        }
    }

    private List<Runnable> taken() {
        List<Runnable> held = pending == null ? List.of() : pending;
        pending = null;
        return held;
    }

    // one failing action (a listener, a carrier) must not cost the others their turn
    private static void runGuarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("An action after a commit failed", e);
        }
    }
}
