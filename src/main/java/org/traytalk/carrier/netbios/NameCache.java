package org.traytalk.carrier.netbios;

import java.util.LinkedHashMap;
import java.util.Map;
import org.traytalk.wire.netbios.NetbiosName;

/**
 * What the resolver knows about names, least recently used first out once it holds {@code capacity}: frames under
 * thousands of made-up names cost a fixed amount of memory and push out only each other. Thread-safe.
 */
final class NameCache<V> {
    private final Map<NetbiosName, V> entries;

    NameCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<NetbiosName, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(NetbiosName name) {
        return entries.get(name);
    }

    synchronized void put(NetbiosName name, V value) {
        entries.put(name, value);
    }

    synchronized int size() {
        return entries.size();
    }
}
