package org.traytalk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work offered from any thread (datagrams from the carriers, send requests from the tray or the console), done on
 * the engine thread in bursts: everything that arrived since the engine's last turn is committed to the store at
 * once, then what the commit held back (receipts, events) goes out. One item alone costs one commit; a flood costs
 * one commit per burst instead of one per item. If a burst cannot be committed, each item is tried alone, so one
 * bad write costs one item. How items wait, and how many may, is the {@link Waiting} queue's business.
 */
final class BurstQueue<T> {
    private static final Logger LOG = LoggerFactory.getLogger(BurstQueue.class);
    static final int MAX_BURST = 256;

    /** Where offered items wait for the engine thread. Thread-safe. */
    interface Waiting<T> {
        /** False when the item was not taken (dropped: the queue is full). */
        boolean add(T item);

        T poll();

        boolean isEmpty();

        /** As many as are offered, first in first out: for producers that wait for their item's result. */
        static <T> Waiting<T> unbounded() {
            Queue<T> queue = new ConcurrentLinkedQueue<>();
            return new Waiting<>() {
                @Override
                public boolean add(T item) {
                    return queue.add(item);
                }

                @Override
                public T poll() {
                    return queue.poll();
                }

                @Override
                public boolean isEmpty() {
                    return queue.isEmpty();
                }
            };
        }
    }

    /** What is done with each item, inside the burst's transaction. */
    interface Handler<T> {
        void handle(T item);

        /** The item failed alone too: nothing of it was committed. */
        void failed(T item, RuntimeException e);
    }

    private final String what;
    private final Scheduler scheduler;
    private final AfterCommit afterCommit;
    private final Handler<T> handler;
    private final Waiting<T> queue;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    BurstQueue(String what, Scheduler scheduler, AfterCommit afterCommit, Waiting<T> queue, Handler<T> handler) {
        this.what = what;
        this.scheduler = scheduler;
        this.afterCommit = afterCommit;
        this.queue = queue;
        this.handler = handler;
    }

    /** Called on any thread; false when the queue dropped the item. */
    boolean offer(T item) {
        if (!queue.add(item)) {
            return false;
        }
        if (drainScheduled.compareAndSet(false, true)) {
            scheduler.execute(this::drain);
        }
        return true;
    }

    /** Does one item right now, on the engine thread. */
    void doAlone(T item) {
        try {
            afterCommit.batch(() -> {
                handler.handle(item);
                return null;
            });
        } catch (RuntimeException e) {
            handler.failed(item, e);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        List<T> burst = new ArrayList<>();
        for (T item; burst.size() < MAX_BURST && (item = queue.poll()) != null; ) {
            burst.add(item);
        }
        if (!queue.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            scheduler.execute(this::drain);
        }
        if (burst.size() == 1) {
            doAlone(burst.get(0));
            return;
        }
        try {
            afterCommit.batch(() -> {
                burst.forEach(handler::handle);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Saving {} {} at once failed ({}); saving them one by one", burst.size(), what, e.getMessage());
            burst.forEach(this::doAlone);
        }
    }
}
