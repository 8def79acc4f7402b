package org.traytalk.carrier.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@link NetworkView} over {@link NetworkInterface}. */
final class SystemNetworkView implements NetworkView {

    @Override
    public List<LocalAddress> upIpv4Addresses() throws IOException {
        List<LocalAddress> out = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp()) {
                continue;
            }
            for (InterfaceAddress ia : nif.getInterfaceAddresses()) {
                if (ia.getAddress() instanceof Inet4Address v4) {
                    Inet4Address broadcast = ia.getBroadcast() instanceof Inet4Address b ? b : null;
                    out.add(new LocalAddress(nif.getName(), v4, ia.getNetworkPrefixLength(), broadcast,
                            nif.isLoopback()));
                }
            }
        }
        return out;
    }
}
