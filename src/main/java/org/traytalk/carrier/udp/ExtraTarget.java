package org.traytalk.carrier.udp;

import org.traytalk.carrier.net.Subnet;

/** One {@code udp.targets} entry: "everyone" also means this host or subnet. */
sealed interface ExtraTarget {

    /** A host by name or IPv4 address; {@code port} 0 means the carrier's own port. */
    record Host(String host, int port) implements ExtraTarget {
    }

    /** A subnet, reached through its directed broadcast address on the carrier's own port. */
    record SubnetBroadcast(Subnet subnet) implements ExtraTarget {
    }

    /** Parses {@code host}, {@code host:port} or {@code a.b.c.d/n}; the message says what is wrong. */
    static ExtraTarget parse(String spec) {
        String s = spec.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty UDP target");
        }
        if (s.contains("/")) {
            return new SubnetBroadcast(Subnet.parse(s));
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return new Host(checkHost(s, spec), 0);
        }
        if (s.indexOf(':') != colon) {
            throw new IllegalArgumentException("UDP target " + spec + ": IPv6 is not supported, use an IPv4 host");
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("UDP target " + spec + ": port must be 1..65535");
        }
        return new Host(checkHost(s.substring(0, colon), spec), port);
    }

    private static String checkHost(String host, String spec) {
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("UDP target " + spec + ": bad host name");
        }
        if (host.chars().allMatch(c -> c == '.' || Character.isDigit(c)) && !Subnet.isIpv4Literal(host)) {
            throw new IllegalArgumentException("UDP target " + spec + ": not an IPv4 address");
        }
        return host;
    }
}
