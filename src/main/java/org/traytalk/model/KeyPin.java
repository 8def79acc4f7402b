package org.traytalk.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A name and the TrayTalk identity it belongs to, as first seen (trust on first use) or as the user accepted.
 *
 * @param name     the name, as the peer spells it
 * @param key      its identity's public keys
 * @param pinnedAt when it was pinned
 */
public record KeyPin(String name, PeerKey key, Instant pinnedAt) {
    public KeyPin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(pinnedAt, "pinnedAt");
    }
}
