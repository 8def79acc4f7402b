package org.traytalk.carrier.netbios;

import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.CarrierContractTest;
import org.traytalk.carrier.net.LocalAddress;
import org.traytalk.model.PeerAddress;

/**
 * The NetBIOS carrier passes the carrier contract on loopback: alice bound to 127.0.0.1, bob to 127.0.0.2, on one
 * free port; each one's "broadcast address" is the other's address, as on a two-node LAN.
 */
class NetbiosCarrierContractTest extends CarrierContractTest {
    private static final NameResolver.Timing FAST = new NameResolver.Timing(Duration.ofMillis(100), 1,
            Duration.ofMinutes(1), Duration.ofSeconds(1));
    private final Map<Carrier, String> addressOf = new HashMap<>();

    @Override
    protected Pair createPair() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return new Pair(carrier("alice", "127.0.0.1", "127.0.0.2", port), carrier("bob", "127.0.0.2", "127.0.0.1", port));
    }

    private Carrier carrier(String name, String own, String other, int port) throws Exception {
        Inet4Address ownAddress = (Inet4Address) InetAddress.getByName(own);
        LocalAddress lan = new LocalAddress("test0", ownAddress, 8, (Inet4Address) InetAddress.getByName(other), false);
        NetbiosCarrierOptions options = new NetbiosCarrierOptions(name, "WORKGROUP", "FOXAPP",
                Charset.forName("windows-1252"), List.of(), port, 0);
        Carrier carrier = new NetbiosCarrier(options, () -> List.of(lan), warning -> { }, PortNeighbours.system(), FAST, 0,
                ownAddress);
        addressOf.put(carrier, own);
        return carrier;
    }

    @Override
    protected PeerAddress addressOf(Carrier started) {
        return new PeerAddress(NetbiosCarrier.NAME, addressOf.get(started));
    }
}
