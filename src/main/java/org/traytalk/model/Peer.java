package org.traytalk.model;

import java.time.Instant;
import java.util.Locale;

/**
 * A node in the roster.
 *
 * @param name        the name it sends as (compared case-insensitively)
 * @param address     where it was last heard: replies go there
 * @param lastSeen    when anything last arrived from it
 * @param online      whether it is believed online
 * @param instanceId  its process instance id, 0 for legacy peers and carriers without one
 * @param fingerprint the TrayTalk identity pinned to its name; null for a peer running the original program (or
 *                    reached only over its carriers), which cannot be verified
 * @param status      away or not, and its status line, as it last announced them (the original program's peers are
 *                    always available, without a line)
 */
public record Peer(String name, PeerAddress address, Instant lastSeen, boolean online, long instanceId,
                   Fingerprint fingerprint, Status status) {

    public Peer {
        status = status == null ? Status.AVAILABLE : status;
    }

    /** A peer that announced no status. */
    public Peer(String name, PeerAddress address, Instant lastSeen, boolean online, long instanceId,
                Fingerprint fingerprint) {
        this(name, address, lastSeen, online, instanceId, fingerprint, Status.AVAILABLE);
    }

    /** A peer that is not verified (the original program's). */
    public Peer(String name, PeerAddress address, Instant lastSeen, boolean online, long instanceId) {
        this(name, address, lastSeen, online, instanceId, null, Status.AVAILABLE);
    }

    public boolean verified() {
        return fingerprint != null;
    }

    public String key() {
        return keyOf(name);
    }

    public static String keyOf(String name) {
        return name.trim().toUpperCase(Locale.ROOT);
    }
}
