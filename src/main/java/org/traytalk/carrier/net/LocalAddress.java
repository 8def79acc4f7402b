package org.traytalk.carrier.net;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * One IPv4 address of an up network interface.
 *
 * @param interfaceName the interface's system name ({@code eth0}, {@code wlan1}, {@code lo}), as in {@code network.interfaces}
 * @param address       the address
 * @param prefixLength  subnet prefix length, 0..32
 * @param broadcast     the subnet's directed broadcast address, or null when the interface has none (loopback, point-to-point)
 * @param loopback      the interface is a loopback interface
 */
public record LocalAddress(String interfaceName, Inet4Address address, int prefixLength, Inet4Address broadcast,
                           boolean loopback) {
    public LocalAddress {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0..32");
        }
    }

    public Subnet subnet() {
        return Subnet.of(address, prefixLength);
    }
}
