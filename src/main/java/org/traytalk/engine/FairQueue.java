package org.traytalk.engine;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Datagrams waiting for the engine thread, held within fixed bounds whatever arrives: at most {@code maxItems} and
 * {@code maxBytes} in all, and a share of each per source. They are taken in turns, one per source with something
 * waiting, so a source that floods cannot starve a quiet one: the quiet one's datagram is among the next taken.
 * What does not fit is dropped and counted (the sender of anything that mattered sends it again). Thread-safe.
 */
final class FairQueue<T> implements Bursts.Waiting<T> {

    /** How much may wait: in all, and from one source. */
    record Bounds(int maxItems, long maxBytes, int maxItemsPerSource, long maxBytesPerSource) {
    }

    private static final class Waiting<T> {
        final ArrayDeque<T> items = new ArrayDeque<>();
        long bytes;
    }

    private final Bounds bounds;
    private final Function<T, Object> source;
    private final ToIntFunction<T> size;
    private final Refusals refusals;
    // the sources with something waiting, in turn order: the one at the front is taken from next
    private final Map<Object, Waiting<T>> bySource = new LinkedHashMap<>();
    private int items;
    private long bytes;

    FairQueue(Bounds bounds, Function<T, Object> source, ToIntFunction<T> size, Refusals refusals) {
        this.bounds = bounds;
        this.source = source;
        this.size = size;
        this.refusals = refusals;
    }

    @Override
    public boolean add(T item) {
        Object from = source.apply(item);
        int length = size.applyAsInt(item);
        synchronized (this) {
            Waiting<T> waiting = bySource.get(from);
            if (items >= bounds.maxItems() || bytes + length > bounds.maxBytes()) {
                refused("inbound queue full", from, length);
                return false;
            }
            if (waiting != null && (waiting.items.size() >= bounds.maxItemsPerSource()
                    || waiting.bytes + length > bounds.maxBytesPerSource())) {
                refused("source's share of the inbound queue full", from, length);
                return false;
            }
            if (waiting == null) {
                waiting = new Waiting<>();
                bySource.put(from, waiting);
            }
            waiting.items.add(item);
            waiting.bytes += length;
            items++;
            bytes += length;
            return true;
        }
    }

    @Override
    public synchronized T poll() {
        Iterator<Map.Entry<Object, Waiting<T>>> turns = bySource.entrySet().iterator();
        if (!turns.hasNext()) {
            return null;
        }
        Map.Entry<Object, Waiting<T>> next = turns.next();
        turns.remove();
        Waiting<T> waiting = next.getValue();
        T item = waiting.items.poll();
        int length = size.applyAsInt(item);
        waiting.bytes -= length;
        items--;
        bytes -= length;
        if (!waiting.items.isEmpty()) {
            bySource.put(next.getKey(), waiting); // its next turn comes after every other source's
        }
        return item;
    }

    @Override
    public synchronized boolean isEmpty() {
        return items == 0;
    }

    /** Waiting now: datagrams and bytes; for tests. */
    synchronized long[] held() {
        return new long[] {items, bytes};
    }

    private void refused(String reason, Object from, int length) {
        refusals.count(reason, from, length + " bytes");
    }
}
