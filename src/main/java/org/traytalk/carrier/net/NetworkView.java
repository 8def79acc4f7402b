package org.traytalk.carrier.net;

import java.io.IOException;
import java.util.List;

/** The machine's up IPv4 addresses; an interface so target computation can be tested without real interfaces. */
public interface NetworkView {

    /** Every IPv4 address of every interface that is up, loopback included. */
    List<LocalAddress> upIpv4Addresses() throws IOException;

    /** The real view, read from {@link java.net.NetworkInterface}. */
    static NetworkView system() {
        return new SystemNetworkView();
    }
}
