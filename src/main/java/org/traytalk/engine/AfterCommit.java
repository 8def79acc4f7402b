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
 * fails they are dropped, so no receipt ever confirms a message that is not on disk. The held actions run
 * outside any transaction: they mostly write nothing (SENT marks wait in {@link SentMarks}), and an empty
 * transaction after every batch cost the sender about a twentieth of its CPU; what one writes now and then (a new
 * block of ids) commits by itself. Engine thread only.
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
     * A failure of the work throws and nothing it held back runs; what it held back never throws, since the work
     * itself is committed by then.
     */
    <T> T batch(Supplier<T> work) {
        if (pending != null) {
            return work.get();
        }
        T result = transaction(work);
        taken().forEach(AfterCommit::runGuarded);
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

    // one failing action (a listener, a carrier, a write of its own) must not cost the others their turn
    private static void runGuarded(Runnable action) {
        try {
            action.run();
        } catch (StoreException e) {
            LOG.warn("An action after a commit could not write: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("An action after a commit failed", e);
        }
    }
}
