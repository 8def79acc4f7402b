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
 * the engine thread in bursts: a burst takes what waits in every {@link Lane} and commits it to the store at once,
 * then what the commit held back (receipts, datagrams, events) goes out. One item alone costs one commit; a flood
 * costs one commit per burst instead of one per item, and a sender's new messages and the receipts that came for
 * its earlier ones share one commit, one disk sync. If a burst cannot be committed, each item is tried alone, so
 * one bad write costs one item. How items wait, and how many may, is each lane's {@link Waiting} queue's business.
 */
final class Bursts {
    private static final Logger LOG = LoggerFactory.getLogger(Bursts.class);
    /** Items one lane brings to one burst. */
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

    private final Scheduler scheduler;
    private final AfterCommit afterCommit;
    private final List<Lane<?>> lanes = new ArrayList<>();
    private final AtomicBoolean burstScheduled = new AtomicBoolean();

    Bursts(Scheduler scheduler, AfterCommit afterCommit) {
        this.scheduler = scheduler;
        this.afterCommit = afterCommit;
    }

    /** A new lane; every lane is made before the first offer. */
    <T> Lane<T> lane(String what, Waiting<T> queue, Handler<T> handler) {
        Lane<T> lane = new Lane<>(what, queue, handler);
        lanes.add(lane);
        return lane;
    }

    /** One kind of work and the queue it waits in. */
    final class Lane<T> {
        private final String what;
        private final Waiting<T> queue;
        private final Handler<T> handler;

        private Lane(String what, Waiting<T> queue, Handler<T> handler) {
            this.what = what;
            this.queue = queue;
            this.handler = handler;
        }

        /** Called on any thread; false when the queue dropped the item. */
        boolean offer(T item) {
            if (!queue.add(item)) {
                return false;
            }
            if (burstScheduled.compareAndSet(false, true)) {
                scheduler.execute(Bursts.this::burst);
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

        private Taken<T> take() {
            List<T> items = new ArrayList<>();
            for (T item; items.size() < MAX_BURST && (item = queue.poll()) != null; ) {
                items.add(item);
            }
            return new Taken<>(this, items);
        }
    }

    /** What one burst took from one lane. */
    private record Taken<T>(Lane<T> lane, List<T> items) {
        void handleAll() {
            items.forEach(lane.handler::handle);
        }

        void eachAlone() {
            items.forEach(lane::doAlone);
        }
    }

    private void burst() {
        burstScheduled.set(false);
        List<Taken<?>> taken = lanes.stream().<Taken<?>>map(Lane::take).filter(t -> !t.items().isEmpty()).toList();
        if (lanes.stream().anyMatch(lane -> !lane.queue.isEmpty()) && burstScheduled.compareAndSet(false, true)) {
            scheduler.execute(this::burst);
        }
        if (taken.stream().mapToInt(t -> t.items().size()).sum() <= 1) {
            taken.forEach(Taken::eachAlone);
            return;
        }
        try {
            afterCommit.batch(() -> {
                taken.forEach(Taken::handleAll);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Saving {} at once failed ({}); saving them one by one", describe(taken), e.getMessage());
            taken.forEach(Taken::eachAlone);
        }
    }

    private static String describe(List<Taken<?>> taken) {
        return String.join(" and ", taken.stream().map(t -> t.items().size() + " " + t.lane().what).toList());
    }
}
