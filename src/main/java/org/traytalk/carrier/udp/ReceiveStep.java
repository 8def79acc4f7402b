package org.traytalk.carrier.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.Inbound;
import org.traytalk.carrier.ReceiveGuard;

/** One turn of the UDP receive thread: waits for a datagram and hands it to the callback if the screen lets it by. */
final class ReceiveStep implements ReceiveGuard.Turn {
    /** Largest UDP payload over IPv4. */
    private static final int MAX_DATAGRAM = 65_507;

    private final DatagramSocket socket;
    private final InboundScreen screen;
    private final Supplier<TargetPlan> plan;
    private final CarrierCallback callback;
    private final BooleanSupplier closed;
    private final byte[] buffer = new byte[MAX_DATAGRAM];
    private final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);

    ReceiveStep(DatagramSocket socket, InboundScreen screen, Supplier<TargetPlan> plan, CarrierCallback callback,
                BooleanSupplier closed) {
        this.socket = socket;
        this.screen = screen;
        this.plan = plan;
        this.callback = callback;
        this.closed = closed;
    }

    @Override
    public boolean receive() throws IOException {
        if (socket.isClosed()) {
            return false;
        }
        packet.setLength(buffer.length);
        socket.receive(packet);
        Inbound inbound = screen.screen(buffer, packet.getOffset(), packet.getLength(), packet.getAddress(),
                packet.getPort(), plan.get());
        if (inbound != null && !closed.getAsBoolean()) {
            callback.onReceive(inbound);
        }
        return true;
    }
}
