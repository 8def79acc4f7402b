package org.traytalk.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans events out to subscribers once the current batch committed, so nobody hears of a message that is not on
 * disk; one subscriber that throws is logged and does not stop the others.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    private final List<MessengerListener> listeners = new CopyOnWriteArrayList<>();
    private final AfterCommit afterCommit;

    Listeners(AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
    }

    AutoCloseable add(MessengerListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void fire(Consumer<MessengerListener> event) {
        afterCommit.run(() -> {
            for (MessengerListener l : listeners) {
                try {
                    event.accept(l);
                } catch (RuntimeException e) {
                    LOG.warn("Listener {} failed", l, e);
                }
            }
        });
    }
}
