package org.traytalk.carrier.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** An IPv4 subnet as network bits and a prefix length. */
public record Subnet(int network, int prefixLength) {

    public static Subnet of(Inet4Address address, int prefixLength) {
        int mask = mask(prefixLength);
        return new Subnet(toInt(address) & mask, prefixLength);
    }

    /** Parses {@code a.b.c.d/n} without any name lookup. */
    public static Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a subnet (a.b.c.d/n): " + cidr);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in " + cidr);
        }
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix length outside 0..32 in " + cidr);
        }
        return of(parseIpv4(cidr.substring(0, slash)), prefix);
    }

    /** Parses a dotted-quad IPv4 literal; never resolves names. */
    public static Inet4Address parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            bytes[i] = (byte) v;
        }
        return fromInt(ByteBuffer.wrap(bytes).getInt());
    }

    public static boolean isIpv4Literal(String text) {
        try {
            parseIpv4(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean contains(InetAddress address) {
        return address instanceof Inet4Address v4 && (toInt(v4) & mask(prefixLength)) == network;
    }

    public Inet4Address broadcast() {
        return fromInt(network | ~mask(prefixLength));
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    private static int toInt(Inet4Address address) {
        return ByteBuffer.wrap(address.getAddress()).getInt();
    }

    private static Inet4Address fromInt(int value) {
        try {
            return (Inet4Address) InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(value).array());
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }
}
