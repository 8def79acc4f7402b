package org.traytalk.carrier.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.Inbound;

/** Receives datagrams until the socket closes and hands the ones the screen lets through to the callback. */
final class ReceiveLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLoop.class);
    /** Largest UDP payload over IPv4. */
    private static final int MAX_DATAGRAM = 65_507;

    private final DatagramSocket socket;
    private final InboundScreen screen;
    private final Supplier<TargetPlan> plan;
    private final CarrierCallback callback;
    private final BooleanSupplier closed;

    ReceiveLoop(DatagramSocket socket, InboundScreen screen, Supplier<TargetPlan> plan, CarrierCallback callback,
                BooleanSupplier closed) {
        this.socket = socket;
        this.screen = screen;
        this.plan = plan;
        this.callback = callback;
        this.closed = closed;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed.getAsBoolean() && !socket.isClosed()) {
            packet.setLength(buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) { // e.g. an ICMP error reported on Windows; the socket still works
                    LOG.debug("UDP receive failed: {}", e.toString());
                }
                continue;
            }
            Inbound inbound = screen.screen(buffer, packet.getOffset(), packet.getLength(), packet.getAddress(),
                    packet.getPort(), plan.get());
            if (inbound != null && !closed.getAsBoolean()) {
                try {
                    callback.onReceive(inbound);
                } catch (RuntimeException e) { // a faulty callback must not stop reception
                    LOG.warn("carrier callback failed for a datagram from {}", inbound.source(), e);
                }
            }
        }
    }
}
