package org.traytalk.carrier.udp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a target host name into an address; injected so tests never touch DNS. */
@FunctionalInterface
interface HostResolver {
    InetAddress resolve(String host) throws UnknownHostException;

    HostResolver SYSTEM = InetAddress::getByName;
}
