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
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.CarrierLifecycle;
import org.traytalk.carrier.ReceiveGuard;
import org.traytalk.carrier.SourceRates;
import org.traytalk.flow.Allowance;
import org.traytalk.concurrent.DaemonThreads;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.netbios.NameQuery;
import org.traytalk.wire.netbios.NetbiosName;

/**
 * Answers NetBIOS name queries for our own name on UDP 137, so Windows can resolve {@code \\OURNAME} and
 * write to our mailslot. Queries for other names are ignored, as a B-node does; nothing a packet does stops it.
 */
final class NameResponder implements AutoCloseable {
    static final String THREAD = "traytalk-netbios-names";
    /** Queries answered per asking address: 5 a second, 20 at once (a forged source must not make us a flood). */
    static final SourceRates.Limits PER_SOURCE = new SourceRates.Limits(new Allowance.Rate(5, 20),
            new Allowance.Rate(5 * 576, 20 * 576));
    private static final Logger LOG = LoggerFactory.getLogger(NameResponder.class);

    private final NetbiosName me;
    private final Function<Inet4Address, Inet4Address> addressFacing;
    private final DatagramSocket socket;
    private final CarrierLifecycle lifecycle = new CarrierLifecycle("NetBIOS name service");
    private final SourceRates rates = new SourceRates("NetBIOS name service", PER_SOURCE, System::nanoTime);
    private final byte[] buffer = new byte[576];
    private final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
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
        try {
            lifecycle.start(() -> { });
        } catch (CarrierException e) {
            throw new IllegalStateException("a new lifecycle starts", e);
        }
        ReceiveGuard guard = new ReceiveGuard("NetBIOS name service", new ReceiveGuard.Health() {
            @Override
            public void failing(String why) {
                LOG.warn("{}: Windows computers may not find {} by name meanwhile", why, me);
            }

            @Override
            public void working() {
                LOG.info("NetBIOS name service answers again");
            }
        }, lifecycle, Duration.ofSeconds(1), System::nanoTime);
        this.thread = DaemonThreads.start(THREAD, () -> guard.run(this::answerOne));
    }

    int port() {
        return socket.getLocalPort();
    }

    /** One query, answered when it asks for our name; anything else is ignored. */
    private boolean answerOne() throws IOException {
        if (socket.isClosed()) {
            return false;
        }
        packet.setLength(buffer.length);
        socket.receive(packet);
        NameQuery q;
        try {
            q = NameQuery.decode(packet.getData(), packet.getOffset(), packet.getLength());
        } catch (MalformedMessageException e) {
            LOG.debug("Ignored NetBIOS name service packet: {}", e.getMessage());
            return true;
        }
        if (q.name().equals(me) && packet.getAddress() instanceof Inet4Address from
                && rates.admit(from, packet.getLength())) {
            byte[] answer = q.positiveResponse(addressFacing.apply(from).getAddress());
            socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
        }
        return true;
    }

    @Override
    public void close() {
        lifecycle.close();
        socket.close(); // unblocks the thread
        if (!DaemonThreads.join(thread, Duration.ofSeconds(2))) {
            LOG.warn("{} did not stop within 2 s", THREAD);
        }
    }
}
