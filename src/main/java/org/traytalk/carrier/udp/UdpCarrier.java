package org.traytalk.carrier.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.SingleUseCarrier;
import org.traytalk.carrier.SourceRates;
import org.traytalk.carrier.net.NetworkView;
import org.traytalk.concurrent.DaemonThreads;
import org.traytalk.flow.Allowance;
import org.traytalk.model.PeerAddress;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.UdpEnvelope;
import org.traytalk.wire.UdpEnvelopeCodec;
import org.traytalk.wire.secure.SecureFrameCodec;

/**
 * TrayTalk's own carrier: the secure layer's frames, each in an envelope in one UDP datagram on one port, "everyone"
 * by broadcast and extra targets (docs/PROTOCOL.md, "UDP carrier"). It moves frames and never looks inside them.
 */
public final class UdpCarrier extends SingleUseCarrier {

    public static final String NAME = "udp";
    /** The largest message in the original format a frame here carries (its text is split to fit, if ever longer). */
    public static final int MAX_MESSAGE_BYTES = FoxMessage.HEADER_BYTES + 32 * 1024;
    static final String RECEIVE_THREAD = "traytalk-udp-receive";
    static final String WATCH_THREAD = "traytalk-udp-watch";
    /**
     * What one address may send: 5,000 datagrams a second (10,000 at once) and 4 MiB a second (8 MiB at once). A host
     * flooding the largest datagrams gets about 128 a second through; a node catching up after a restart is not held.
     */
    public static final SourceRates.Limits PER_SOURCE = new SourceRates.Limits(new Allowance.Rate(5_000, 10_000),
            new Allowance.Rate(4 << 20, 8 << 20));
    private static final Logger LOG = LoggerFactory.getLogger(UdpCarrier.class);

    private final UdpCarrierOptions options;
    private final NetworkView network;
    private final HostResolver resolver;
    private final UdpEnvelopeCodec codec = new UdpEnvelopeCodec();
    private final InboundScreen screen;
    private volatile DatagramSocket socket;
    private final ScheduledExecutorService housekeeping;
    private volatile ScheduledExecutorService ownWatchThread;
    private volatile AddressWatch addresses;
    private volatile List<String> lastSendToAllFailures = List.of();

    /** With a thread of its own for the look at the local addresses (tests, benchmarks). */
    public UdpCarrier(UdpCarrierOptions options, NetworkView network) {
        this(options, network, null, HostResolver.SYSTEM);
    }

    /** @param housekeeping where the look at the local addresses runs, shared with the node's other light work */
    public UdpCarrier(UdpCarrierOptions options, NetworkView network, ScheduledExecutorService housekeeping) {
        this(options, network, housekeeping, HostResolver.SYSTEM);
    }

    UdpCarrier(UdpCarrierOptions options, NetworkView network, HostResolver resolver) {
        this(options, network, null, resolver);
    }

    private UdpCarrier(UdpCarrierOptions options, NetworkView network, ScheduledExecutorService housekeeping,
                       HostResolver resolver) {
        super(NAME, "UDP carrier", MAX_MESSAGE_BYTES, StandardCharsets.UTF_8, Duration.ofSeconds(2));
        this.options = options;
        this.network = network;
        this.resolver = resolver;
        this.housekeeping = housekeeping;
        this.screen = new InboundScreen(codec, options.group(), options.instanceId(),
                new SourceRates("UDP carrier", PER_SOURCE, System::nanoTime));
    }

    @Override
    protected void open(CarrierCallback cb) throws CarrierException {
        DatagramSocket s = UdpSockets.open(options.port());
        int port = s.getLocalPort();
        List<ExtraTarget> targets = options.parsedTargets();
        addresses = new AddressWatch(network,
                up -> TargetPlan.compute(up, options.interfaces(), targets, port, resolver),
                () -> {
                    if (!isClosed()) {
                        cb.onLocalAddressesChanged();
                    }
                });
        socket = s; // published before the receive thread starts: close() then always closes it
        startReceiving(RECEIVE_THREAD, new ReceiveStep(s, screen, addresses::current, cb, this::isClosed));
        ScheduledExecutorService watchThread = housekeeping;
        if (watchThread == null) {
            watchThread = Executors.newSingleThreadScheduledExecutor(new DaemonThreads(WATCH_THREAD));
            ownWatchThread = watchThread;
        }
        addresses.start(options.watchInterval(), watchThread);
        LOG.info("UDP carrier on port {} for group {}, sending everyone-messages to {}", port, options.group(),
                addresses.current().destinations());
    }

    /** The bound port (useful with port 0), or -1 before start. */
    public int localPort() {
        DatagramSocket s = socket;
        return s == null ? -1 : s.getLocalPort();
    }

    /** Counters of received datagrams by what happened to them. */
    public UdpStats stats() {
        return screen.stats();
    }

    /** The destinations the last {@link #sendToAll} could not reach, with the reason; empty when all worked. */
    public List<String> lastSendToAllFailures() {
        return lastSendToAllFailures;
    }

    /** The current targets and source filter; for tests. */
    TargetPlan plan() {
        return addresses.current();
    }

    @Override
    public void send(PeerAddress to, String recipientName, byte[] message) throws CarrierException {
        DatagramSocket s = requireOpen();
        var target = UdpSockets.parsePeer(to);
        byte[] datagram = envelope(message);
        try {
            s.send(new DatagramPacket(datagram, datagram.length, target));
        } catch (IOException e) {
            throw new CarrierException("Could not send to " + to.address() + " over UDP: " + e.getMessage(), e);
        }
    }

    @Override
    public void sendToAll(byte[] message) throws CarrierException {
        DatagramSocket s = requireOpen();
        byte[] datagram = envelope(message);
        List<TargetPlan.Destination> destinations = addresses.current().destinations();
        if (destinations.isEmpty()) {
            throw new CarrierException("Nowhere to send to everyone over UDP: none of the interfaces "
                    + options.interfaces() + " is up with a broadcast address and udp.targets is empty");
        }
        List<String> failures = new ArrayList<>();
        for (TargetPlan.Destination d : destinations) {
            try { // one unreachable target must not keep the message from the others
                s.send(new DatagramPacket(datagram, datagram.length, resolver.resolve(d.host()), d.port()));
            } catch (IOException e) {
                failures.add(d + ": " + e.getMessage());
                LOG.warn("UDP send to {} failed: {}", d, e.toString());
            }
        }
        lastSendToAllFailures = List.copyOf(failures);
        if (failures.size() == destinations.size()) {
            throw new CarrierException("Could not send to anyone over UDP: " + String.join("; ", failures));
        }
    }

    private DatagramSocket requireOpen() throws CarrierException {
        requireRunning();
        return socket;
    }

    @Override
    public int maxPayloadBytes() {
        return SecureFrameCodec.MAX_FRAME_BYTES;
    }

    private byte[] envelope(byte[] frame) throws CarrierException {
        try {
            return codec.encode(new UdpEnvelope(options.instanceId(), options.group(), frame));
        } catch (IllegalArgumentException e) {
            throw new CarrierException("Cannot send over UDP: " + e.getMessage(), e);
        }
    }


    /** Re-reads the local addresses now instead of waiting for the next poll; for tests. */
    void refreshAddresses() {
        addresses.refresh();
    }

    @Override
    protected void release() {
        AddressWatch watch = addresses;
        if (watch != null) {
            watch.stop();
        }
        ScheduledExecutorService own = ownWatchThread;
        if (own != null) {
            own.shutdownNow();
        }
        DatagramSocket s = socket;
        if (s != null) {
            s.close(); // unblocks the receive thread
        }
    }
}
