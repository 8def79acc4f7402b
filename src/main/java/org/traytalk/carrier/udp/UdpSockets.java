package org.traytalk.carrier.udp;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.net.Subnet;
import org.traytalk.model.PeerAddress;

/** Opening the carrier's socket and reading peer addresses, with errors a user can act on. */
final class UdpSockets {

    private UdpSockets() {
    }

    /** Binds 0.0.0.0:port for broadcast, without address reuse so that a second TrayTalk fails loudly. */
    static DatagramSocket open(int port) throws CarrierException {
        DatagramSocket socket = null;
        try {
            socket = new DatagramSocket(null);
            socket.setReuseAddress(false);
            socket.setBroadcast(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return socket;
        } catch (IOException | SecurityException e) {
            if (socket != null) {
                socket.close();
            }
            throw bindFailure(port, e);
        }
    }

    static CarrierException bindFailure(int port, Exception e) {
        String detail = String.valueOf(e.getMessage());
        if (e instanceof BindException && detail.toLowerCase(Locale.ROOT).contains("in use")) {
            return new CarrierException("UDP port " + port + " is already in use: another TrayTalk or another "
                    + "program is listening on it. Close that program, or set udp.port to another port "
                    + "(every node in the group must use the same port).", e);
        }
        return new CarrierException("Cannot open UDP port " + port + " (" + detail + "). Ports below 1024 need "
                + "administrator or root permission, and some ports are reserved by the system; "
                + "set udp.port to a free port between 1024 and 65535.", e);
    }

    /** Reads the {@code ip:port} of a UDP peer; names are not resolved here. */
    static InetSocketAddress parsePeer(PeerAddress to) throws CarrierException {
        if (!UdpCarrier.NAME.equals(to.carrier())) {
            throw new CarrierException("not a UDP peer address: " + to);
        }
        String address = to.address();
        int colon = address.lastIndexOf(':');
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (colon < 0 || port < 1 || port > 65535) {
                throw new IllegalArgumentException("port outside 1..65535");
            }
            return new InetSocketAddress(Subnet.parseIpv4(address.substring(0, colon)), port);
        } catch (IllegalArgumentException e) {
            throw new CarrierException("not a UDP peer address (ip:port): " + address, e);
        }
    }
}
