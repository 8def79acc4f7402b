package org.traytalk.model;

import java.util.Objects;

/**
 * Where a peer was last heard: the carrier's name and an address only that carrier interprets
 * (for UDP {@code 10.77.0.2:42138}, for Win32 mailslots the computer name, for NetBIOS the IPv4 address).
 */
public record PeerAddress(String carrier, String address) {
    public PeerAddress {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return carrier + ":" + address;
    }
}
