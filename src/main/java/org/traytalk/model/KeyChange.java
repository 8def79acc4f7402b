package org.traytalk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A name that turned up with another identity than the one pinned to it: somebody may be posing as that peer, or the
 * peer reinstalled TrayTalk or uses a second computer. Its messages are held apart until the user accepts the new
 * identity after comparing fingerprints with the peer.
 *
 * @param name      the name
 * @param pinned    the fingerprint the name is pinned to
 * @param offered   the fingerprint that turned up
 * @param key       the offered identity's public keys (accepting pins these)
 * @param firstSeen when it first turned up
 * @param lastSeen  when it last did
 * @param held      how many of its messages are held apart
 */
public record KeyChange(String name, Fingerprint pinned, Fingerprint offered, PeerKey key, Instant firstSeen,
                        Instant lastSeen, int held) {
    public KeyChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(offered, "offered");
        Objects.requireNonNull(key, "key");
    }
}
