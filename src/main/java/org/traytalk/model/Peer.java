package org.traytalk.model;

import java.time.Instant;
import java.util.Locale;

/**
 * A node in the roster.
 *
 * @param name       the name it sends as (compared case-insensitively)
 * @param address    where it was last heard: replies go there
 * @param lastSeen   when anything last arrived from it
 * @param online     whether it is believed online
 * @param instanceId its process instance id, 0 for legacy peers and carriers without one
 */
public record Peer(String name, PeerAddress address, Instant lastSeen, boolean online, long instanceId) {

    public String key() {
        return keyOf(name);
    }

    public static String keyOf(String name) {
        return name.trim().toUpperCase(Locale.ROOT);
    }
}
