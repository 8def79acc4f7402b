package org.traytalk.carrier.netbios;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.Inbound;
import org.traytalk.carrier.SingleUseCarrier;
import org.traytalk.carrier.SourceRates;
import org.traytalk.carrier.net.LocalAddress;
import org.traytalk.carrier.net.NetworkView;
import org.traytalk.concurrent.DaemonThreads;
import org.traytalk.flow.Allowance;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.PeerAddress;
import org.traytalk.wire.FoxMessageCodec;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.netbios.MailslotDatagram;
import org.traytalk.wire.netbios.MailslotDatagramCodec;
import org.traytalk.wire.netbios.NetbiosName;

/**
 * Remote mailslots without Windows: writes and reads the NetBIOS datagrams Windows uses for
 * {@code \\HOST\mailslot\X} and {@code \\*\mailslot\X} on UDP 138, so Linux and macOS nodes talk with the
 * original program and with Windows nodes using mailslots. Peers are addressed by IPv4 address; a peer never
 * heard on this carrier is addressed by its name, found with a NetBIOS name query.
 */
public final class NetbiosCarrier extends SingleUseCarrier {
    public static final String NAME = "netbios";
    /** The original's slot size; longer text goes as several messages. */
    public static final int MAX_MESSAGE_BYTES = 250;
    static final String RECEIVE_THREAD = "traytalk-netbios-receive";
    static final String LOOKUP_THREAD = "traytalk-netbios-lookup";
    /** What one address may send: 500 frames a second (1,000 at once) and 512 KiB a second (1 MiB at once). */
    static final SourceRates.Limits PER_SOURCE = new SourceRates.Limits(new Allowance.Rate(500, 1_000),
            new Allowance.Rate(512 * 1024, 1024 * 1024));
    private static final Logger LOG = LoggerFactory.getLogger(NetbiosCarrier.class);

    private final NetbiosCarrierOptions options;
    private final InetAddress bindAddress;
    private final InterfaceAddresses addresses;
    private final MailslotDatagramCodec codec = new MailslotDatagramCodec();
    private final FoxMessageCodec messages;
    private final NetbiosName me;
    private final NetbiosName workgroup;
    private final AtomicInteger datagramIds = new AtomicInteger();
    private final Consumer<String> warnings;
    private final PortNeighbours neighbours;
    private final NameResolver resolver;
    private final SourceRates rates = new SourceRates("NetBIOS carrier", PER_SOURCE, System::nanoTime);
    /** Name queries run here, one at a time, so a send never waits for the network. */
    private final ExecutorService lookups = Executors.newSingleThreadExecutor(new DaemonThreads(LOOKUP_THREAD));
    private volatile DatagramSocket socket;
    private volatile CarrierCallback callback;
    private volatile NameResponder names;

    /** Problems worth telling the user (another program on our port) go to the log only. */
    public NetbiosCarrier(NetbiosCarrierOptions options, NetworkView network) {
        this(options, network, w -> { });
    }

    /** {@code warnings} hears, besides the log, what the user should fix (e.g. Samba's nmbd holding UDP 138). */
    public NetbiosCarrier(NetbiosCarrierOptions options, NetworkView network, Consumer<String> warnings) {
        this(options, network, warnings, PortNeighbours.system(), NameResolver.Timing.WINDOWS,
                NetbiosCarrierOptions.NAME_PORT, null);
    }

    /**
     * For tests: where /proc is, how long name queries wait, the port they go to, and the address to bind (null
     * for every address, which is what Windows does; two carriers on one machine need one address each).
     */
    NetbiosCarrier(NetbiosCarrierOptions options, NetworkView network, Consumer<String> warnings,
                   PortNeighbours neighbours, NameResolver.Timing timing, int queryPort, InetAddress bindAddress) {
        super(NAME, "NetBIOS carrier", MAX_MESSAGE_BYTES, options.charset(), Duration.ofSeconds(2));
        this.options = options;
        this.bindAddress = bindAddress;
        this.addresses = new InterfaceAddresses(network, options.interfaces());
        this.messages = new FoxMessageCodec(options.charset());
        this.me = NetbiosName.computer(options.computerName());
        this.workgroup = NetbiosName.computer(options.workgroup());
        this.warnings = warnings;
        this.neighbours = neighbours;
        this.resolver = new NameResolver(() -> queryTargets(queryPort), timing, System::nanoTime, new SecureRandom());
    }

    @Override
    public boolean legacy() {
        return true;
    }

    @Override
    protected void open(CarrierCallback cb) throws CarrierException {
        try {
            DatagramSocket s = new DatagramSocket(null);
            s.setReuseAddress(true); // Samba's nmbd may hold the port too
            s.setBroadcast(true);
            s.bind(new InetSocketAddress(bindAddress, options.port()));
            socket = s;
        } catch (BindException e) {
            throw new CarrierException(bindProblem(e), e);
        } catch (SocketException e) {
            throw new CarrierException("The NetBIOS carrier cannot open UDP port " + options.port() + ": " + e.getMessage(), e);
        }
        if (options.namePort() > 0) {
            try {
                names = new NameResponder(me, new InetSocketAddress(options.namePort()), addresses::facing);
            } catch (IOException e) {
                // mail to us still arrives from peers that know our address; Windows needs the name answered
                LOG.warn("Cannot answer NetBIOS name queries on UDP {} ({}): Windows computers will not find {}"
                        + " by name", options.namePort(), e.getMessage(), me);
            }
        }
        warnAboutNeighbours();
        callback = cb;
        DatagramSocket receiving = socket;
        DatagramPacket packet = new DatagramPacket(new byte[1500], 1500);
        startReceiving(RECEIVE_THREAD, () -> receiveOne(receiving, packet));
        LOG.info("NetBIOS carrier on UDP {} as {} in {} for {}", options.port(), me, workgroup, options.mailslot());
    }

    /** Frames dropped because their address sent more than {@link #PER_SOURCE}; for tests. */
    long overRate() {
        return rates.dropped();
    }

    /** With SO_REUSEADDR our bind succeeds beside nmbd, which then takes the datagrams addressed to us. */
    private void warnAboutNeighbours() {
        for (int port : new int[] {options.port(), options.namePort()}) {
            List<PortNeighbours.Neighbour> others = port > 0 ? neighbours.on(port) : List.of();
            if (!others.isEmpty()) {
                String text = PortNeighbours.explain(port, options.port(), others);
                LOG.warn(text);
                warnings.accept(text);
            }
        }
    }

    private String bindProblem(BindException e) {
        String detail = String.valueOf(e.getMessage());
        if (detail.toLowerCase(Locale.ROOT).contains("permission")) {
            return "The NetBIOS carrier needs UDP port " + options.port() + ", which only privileged programs may"
                    + " open on Linux. Run TrayTalk as root, give Java the capability (setcap"
                    + " cap_net_bind_service=+ep on the java binary, or AmbientCapabilities=CAP_NET_BIND_SERVICE"
                    + " in a systemd unit), or lower net.ipv4.ip_unprivileged_port_start with sysctl."
                    + " TrayTalk goes on with its other carriers.";
        }
        return "UDP port " + options.port() + " is taken (" + detail + "). If Samba's nmbd runs here, stop it or"
                + " TrayTalk will not receive messages and receipts addressed to this computer.";
    }

    /** One turn of the receive thread: a frame, handled; false once the socket is gone. */
    private boolean receiveOne(DatagramSocket s, DatagramPacket packet) throws IOException {
        if (s.isClosed()) {
            return false;
        }
        packet.setLength(packet.getData().length);
        s.receive(packet);
        if (rates.admit(packet.getAddress(), packet.getLength())) {
            handle(packet);
        }
        return true;
    }

    private void handle(DatagramPacket packet) {
        MailslotDatagram d;
        try {
            d = codec.decode(packet.getData(), packet.getOffset(), packet.getLength());
        } catch (MalformedMessageException e) {
            LOG.debug("Ignored NetBIOS datagram from {}: {}", packet.getAddress(), e.getMessage());
            return;
        }
        boolean forMe = d.destination().equals(me);
        boolean forGroup = d.destination().equals(workgroup);
        if (!(forMe || forGroup) || !d.mailslot().equalsIgnoreCase(options.mailslot())) {
            return;
        }
        if (d.source().equals(me) && addresses.isLocal(packet.getAddress())) {
            return; // our own broadcast, back from the network
        }
        learnFrom(d, packet.getAddress());
        CarrierCallback cb = callback;
        if (cb != null && !isClosed()) {
            String from = packet.getAddress().getHostAddress();
            String recipient = forMe ? options.computerName() : ChatMessage.EVERYONE;
            cb.onReceive(new Inbound(new PeerAddress(NAME, from), d.payload(), recipient, 0));
        }
    }

    /**
     * Replies to the sender then need no name query. Learnt only from a frame whose message is well-formed and names
     * the frame's sender: junk under made-up names teaches nothing.
     */
    private void learnFrom(MailslotDatagram d, InetAddress from) {
        if (!(from instanceof Inet4Address ip)) {
            return;
        }
        try {
            if (NetbiosName.computer(messages.decode(d.payload()).sender()).equals(d.source())) {
                resolver.learn(d.source(), ip);
            }
        } catch (MalformedMessageException | IllegalArgumentException notLearnt) {
            // the engine judges the message itself; the cache only keeps what it can trust
        }
    }

    /**
     * To the peer's IPv4 address, or, when the address is a name (a peer never heard on this carrier), to the
     * address a NetBIOS name query finds for it, as Windows does for {@code \\HOST\mailslot\X}.
     */
    @Override
    public void send(PeerAddress to, String recipientName, byte[] message) throws CarrierException {
        if (!NAME.equals(to.carrier())) {
            throw new CarrierException("not a NetBIOS address: " + to);
        }
        String name = recipientName == null ? to.address() : recipientName;
        NetbiosName dest;
        try {
            dest = NetbiosName.computer(name);
        } catch (IllegalArgumentException e) {
            throw new CarrierException("\"" + name + "\" is not a NetBIOS computer name (15 characters at most)");
        }
        Inet4Address ip = InterfaceAddresses.literal(to.address());
        if (ip == null) {
            requireSocket(); // no name queries from a stopped carrier
            ip = resolver.resolveSoon(dest, lookups); // never blocks the engine: a resend finds the answer
        }
        transmit(MailslotDatagram.DIRECT_UNIQUE, dest, addresses.facing(ip), ip, message);
    }

    @Override
    public void sendToAll(byte[] message) throws CarrierException {
        List<LocalAddress> targets = broadcastable();
        if (targets.isEmpty()) {
            throw new CarrierException("no network interface with a broadcast address for NetBIOS messages to everyone");
        }
        for (LocalAddress a : targets) {
            transmit(MailslotDatagram.DIRECT_GROUP, workgroup, a.address(), a.broadcast(), message);
        }
    }

    private List<LocalAddress> broadcastable() throws CarrierException {
        try {
            return addresses.broadcastable();
        } catch (IOException e) {
            throw new CarrierException("cannot list the network interfaces: " + e.getMessage(), e);
        }
    }

    private List<InetSocketAddress> queryTargets(int queryPort) throws CarrierException {
        return broadcastable().stream().map(a -> new InetSocketAddress(a.broadcast(), queryPort)).toList();
    }

    private void transmit(int type, NetbiosName dest, InetAddress source, InetAddress to, byte[] message)
            throws CarrierException {
        if (message.length > MAX_MESSAGE_BYTES) {
            throw new CarrierException("a mailslot message holds at most " + MAX_MESSAGE_BYTES + " bytes, this one "
                    + message.length);
        }
        DatagramSocket s = requireSocket();
        byte[] frame = codec.encode(new MailslotDatagram(type, datagramIds.incrementAndGet(), source.getAddress(),
                options.port(), me, dest, options.mailslot(), message));
        try {
            s.send(new DatagramPacket(frame, frame.length, to, options.port()));
        } catch (IOException e) {
            throw new CarrierException("NetBIOS send to " + to.getHostAddress() + " failed: " + e.getMessage(), e);
        }
    }

    private DatagramSocket requireSocket() throws CarrierException {
        requireRunning();
        return socket;
    }

    @Override
    protected void release() {
        lookups.shutdownNow();
        NameResponder n = names;
        if (n != null) {
            n.close();
        }
        DatagramSocket s = socket;
        if (s != null) {
            s.close(); // unblocks the receive thread
        }
    }
}
