package org.traytalk.carrier.udp;

import java.util.List;
import org.traytalk.carrier.net.LocalAddress;
import org.traytalk.carrier.net.NetworkView;

/** A network view the test changes at will. */
final class FakeNetworkView implements NetworkView {
    private volatile List<LocalAddress> addresses;

    FakeNetworkView(LocalAddress... addresses) {
        this.addresses = List.of(addresses);
    }

    void set(LocalAddress... now) {
        addresses = List.of(now);
    }

    @Override
    public List<LocalAddress> upIpv4Addresses() {
        return addresses;
    }
}
