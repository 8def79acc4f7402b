package org.traytalk.carrier.netbios;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.concurrent.DaemonThreads;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.netbios.NameQuery;
import org.traytalk.wire.netbios.NetbiosName;

/**
 * Answers NetBIOS name queries for our own name on UDP 137, so Windows can resolve {@code \\OURNAME} and
 * write to our mailslot. Queries for other names are ignored, as a B-node does.
 */
final class NameResponder implements AutoCloseable {
    static final String THREAD = "traytalk-netbios-names";
    private static final Logger LOG = LoggerFactory.getLogger(NameResponder.class);

    private final NetbiosName me;
    private final Function<Inet4Address, Inet4Address> addressFacing;
    private final DatagramSocket socket;
    private final Thread thread;

    /** Binds {@code port} (137) and starts answering; {@code addressFacing} picks our address on the querier's subnet. */
    NameResponder(NetbiosName me, InetSocketAddress bind, Function<Inet4Address, Inet4Address> addressFacing)
            throws IOException {
        this.me = me;
        this.addressFacing = addressFacing;
        DatagramSocket s = new DatagramSocket(null);
        s.setReuseAddress(true);
        s.setBroadcast(true);
        s.bind(bind);
        this.socket = s;
        this.thread = DaemonThreads.start(THREAD, this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[576];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                NameQuery q = NameQuery.decode(packet.getData(), packet.getOffset(), packet.getLength());
                if (q.name().equals(me) && packet.getAddress() instanceof Inet4Address from) {
                    byte[] answer = q.positiveResponse(addressFacing.apply(from).getAddress());
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (MalformedMessageException e) {
                LOG.debug("Ignored NetBIOS name service packet: {}", e.getMessage());
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("NetBIOS name service: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close(); // unblocks the thread
        if (!DaemonThreads.join(thread, Duration.ofSeconds(2))) {
            LOG.warn("{} did not stop within 2 s", THREAD);
        }
    }
}
