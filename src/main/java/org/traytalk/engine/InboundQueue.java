package org.traytalk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.Inbound;
import org.traytalk.store.StoreException;

/**
 * Takes datagrams from the carriers' threads and handles them on the engine thread in bursts: everything
 * that arrived since the last turn is committed to the store at once, then the receipts go out. One
 * message alone costs one commit, as before; a flood costs one commit per burst instead of per message.
 */
final class InboundQueue {
    private static final Logger LOG = LoggerFactory.getLogger(InboundQueue.class);
    static final int MAX_BURST = 256;

    private final Scheduler scheduler;
    private final AfterCommit afterCommit;
    private final InboundHandler handler;
    private final Queue<Inbound> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    InboundQueue(Scheduler scheduler, AfterCommit afterCommit, InboundHandler handler) {
        this.scheduler = scheduler;
        this.afterCommit = afterCommit;
        this.handler = handler;
    }

    /** Called on a carrier thread. */
    void offer(Inbound datagram) {
        queue.add(datagram);
        if (drainScheduled.compareAndSet(false, true)) {
            scheduler.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        List<Inbound> burst = new ArrayList<>();
        for (Inbound d; burst.size() < MAX_BURST && (d = queue.poll()) != null; ) {
            burst.add(d);
        }
        if (!queue.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            scheduler.execute(this::drain);
        }
        if (burst.size() == 1) {
            handler.handleAlone(afterCommit, burst.get(0));
            return;
        }
        try {
            afterCommit.batch(() -> {
                burst.forEach(handler::handle);
                return null;
            });
        } catch (StoreException e) {
            // nothing of the burst was committed or confirmed: try each alone, so one bad write costs one message
            LOG.warn("Saving {} received datagrams at once failed ({}); saving them one by one", burst.size(),
                    e.getMessage());
            burst.forEach(d -> handler.handleAlone(afterCommit, d));
        }
    }
}
