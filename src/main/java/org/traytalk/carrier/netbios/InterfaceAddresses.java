package org.traytalk.carrier.netbios;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.traytalk.carrier.net.LocalAddress;
import org.traytalk.carrier.net.NetworkView;
import org.traytalk.carrier.net.Subnet;

/**
 * The machine's IPv4 addresses as the NetBIOS carrier needs them, listed again at most every few seconds: every
 * echo of our own broadcasts and every unicast send asks, and listing interfaces costs system calls.
 */
final class InterfaceAddresses {
    private static final long REFRESH_NANOS = 3_000_000_000L;

    private final NetworkView network;
    private final List<String> chosen;
    private List<LocalAddress> cached;
    private long cachedAt;

    /** {@code chosen}: interface names whose subnets hear "everyone" frames; empty for every non-loopback one. */
    InterfaceAddresses(NetworkView network, List<String> chosen) {
        this.network = network;
        this.chosen = List.copyOf(chosen);
    }

    synchronized List<LocalAddress> all() throws IOException {
        long now = System.nanoTime();
        if (cached == null || now - cachedAt > REFRESH_NANOS) {
            cached = network.upIpv4Addresses();
            cachedAt = now;
        }
        return cached;
    }

    /** The chosen interfaces that have a broadcast address: where frames and name queries to everyone go. */
    List<LocalAddress> broadcastable() throws IOException {
        List<LocalAddress> out = new ArrayList<>();
        for (LocalAddress a : all()) {
            boolean wanted = chosen.isEmpty() ? !a.loopback() : chosen.contains(a.interfaceName());
            if (wanted && a.broadcast() != null) {
                out.add(a);
            }
        }
        return out;
    }

    boolean isLocal(InetAddress address) {
        try {
            return all().stream().anyMatch(a -> a.address().equals(address));
        } catch (IOException e) {
            return false;
        }
    }

    /** Our address on the peer's subnet, or 0.0.0.0: receivers reply to the UDP source, not to this field. */
    Inet4Address facing(Inet4Address peer) {
        try {
            for (LocalAddress a : all()) {
                if (a.subnet().contains(peer)) {
                    return a.address();
                }
            }
        } catch (IOException ignored) {
            // fall through to 0.0.0.0
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[4]);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A dotted quad, parsed without any name lookup; null when {@code text} is something else (a name). */
    static Inet4Address literal(String text) {
        return Subnet.isIpv4Literal(text) ? Subnet.parseIpv4(text) : null;
    }
}
