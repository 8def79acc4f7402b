package org.traytalk.carrier.udp;

import java.net.DatagramSocket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.CarrierContractTest;
import org.traytalk.carrier.net.NetworkView;
import org.traytalk.model.PeerAddress;

/** Two UDP carriers on loopback only: interface filter "lo", each the other's extra target. */
class UdpCarrierContractTest extends CarrierContractTest {

    @Override
    protected Pair createPair() throws SocketException {
        int alicePort = freePort();
        int bobPort = freePort();
        return new Pair(loopbackCarrier(alicePort, 0xA11CEL, bobPort), loopbackCarrier(bobPort, 0xB0BL, alicePort));
    }

    @Override
    protected PeerAddress addressOf(Carrier started) {
        return new PeerAddress(UdpCarrier.NAME, "127.0.0.1:" + ((UdpCarrier) started).localPort());
    }

    static UdpCarrier loopbackCarrier(int port, long instanceId, int peerPort) {
        return new UdpCarrier(new UdpCarrierOptions(port, "FOXAPP", instanceId, List.of("lo"),
                List.of("127.0.0.1:" + peerPort), Duration.ZERO), NetworkView.system());
    }

    /** A port nobody uses right now; the wildcard bind matches what the carrier will bind. */
    static int freePort() throws SocketException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
