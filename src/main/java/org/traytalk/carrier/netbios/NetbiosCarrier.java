package org.traytalk.carrier.netbios;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.Inbound;
import org.traytalk.carrier.PeerAddress;
import org.traytalk.carrier.udp.LocalAddress;
import org.traytalk.carrier.udp.NetworkView;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.netbios.MailslotDatagram;
import org.traytalk.wire.netbios.MailslotDatagramCodec;
import org.traytalk.wire.netbios.NetbiosName;

/**
 * Remote mailslots without Windows: writes and reads the NetBIOS datagrams Windows uses for
 * {@code \\HOST\mailslot\X} and {@code \\*\mailslot\X} on UDP 138, so Linux and macOS nodes talk with the
 * original program and with Windows nodes using mailslots. Peers are addressed by IPv4 address.
 */
public final class NetbiosCarrier implements Carrier {
    public static final String NAME = "netbios";
    /** The original's slot size; longer text goes as several messages. */
    public static final int MAX_MESSAGE_BYTES = 250;
    private static final Logger LOG = LoggerFactory.getLogger(NetbiosCarrier.class);

    private final NetbiosCarrierOptions options;
    private final NetworkView network;
    private final MailslotDatagramCodec codec = new MailslotDatagramCodec();
    private final NetbiosName me;
    private final NetbiosName workgroup;
    private final AtomicInteger datagramIds = new AtomicInteger();
    private volatile DatagramSocket socket;
    private volatile CarrierCallback callback;
    private Thread reader;
    private NameResponder names;
    private static final long ADDRESS_REFRESH_NANOS = 3_000_000_000L;
    private List<LocalAddress> cachedAddresses;
    private long cachedAt;
    private final Object addressLock = new Object();

    public NetbiosCarrier(NetbiosCarrierOptions options, NetworkView network) {
        this.options = options;
        this.network = network;
        this.me = NetbiosName.computer(options.computerName());
        this.workgroup = NetbiosName.computer(options.workgroup());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int maxMessageBytes() {
        return MAX_MESSAGE_BYTES;
    }

    @Override
    public Charset charset() {
        return options.charset();
    }

    @Override
    public synchronized void start(CarrierCallback cb) throws CarrierException {
        if (socket != null) {
            throw new CarrierException("the NetBIOS carrier is already started");
        }
        try {
            DatagramSocket s = new DatagramSocket(null);
            s.setReuseAddress(true); // Samba's nmbd may hold the port too
            s.setBroadcast(true);
            s.bind(new InetSocketAddress(options.port()));
            socket = s;
        } catch (BindException e) {
            throw new CarrierException(bindProblem(e), e);
        } catch (SocketException e) {
            throw new CarrierException("The NetBIOS carrier cannot open UDP port " + options.port() + ": " + e.getMessage(), e);
        }
        if (options.namePort() > 0) {
            try {
                names = new NameResponder(me, new InetSocketAddress(options.namePort()), this::sourceFor);
            } catch (IOException e) {
                // mail to us still arrives from peers that know our address; Windows needs the name answered
                LOG.warn("Cannot answer NetBIOS name queries on UDP {} ({}): Windows computers will not find {}"
                        + " by name", options.namePort(), e.getMessage(), me);
            }
        }
        callback = cb;
        reader = new Thread(this::receive, "traytalk-netbios-receive");
        reader.setDaemon(true);
        reader.start();
        LOG.info("NetBIOS carrier on UDP {} as {} in {} for {}", options.port(), me, workgroup, options.mailslot());
    }

    private String bindProblem(BindException e) {
        String detail = String.valueOf(e.getMessage());
        if (detail.toLowerCase(java.util.Locale.ROOT).contains("permission")) {
            return "The NetBIOS carrier needs UDP port " + options.port() + ", which only privileged programs may"
                    + " open on Linux. Run TrayTalk as root, give Java the capability (setcap"
                    + " cap_net_bind_service=+ep on the java binary, or AmbientCapabilities=CAP_NET_BIND_SERVICE"
                    + " in a systemd unit), or lower net.ipv4.ip_unprivileged_port_start with sysctl."
                    + " TrayTalk goes on with its other carriers.";
        }
        return "UDP port " + options.port() + " is taken (" + detail + "). If Samba's nmbd runs here, stop it or"
                + " TrayTalk will not receive messages and receipts addressed to this computer.";
    }

    private void receive() {
        byte[] buffer = new byte[1500];
        DatagramSocket s = socket;
        while (!s.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                s.receive(packet);
            } catch (IOException e) {
                if (!s.isClosed()) {
                    LOG.warn("NetBIOS receive failed: {}", e.getMessage());
                }
                continue;
            }
            handle(packet);
        }
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
        if (d.source().equals(me) && isLocal(packet.getAddress())) {
            return; // our own broadcast, back from the network
        }
        CarrierCallback cb = callback;
        if (cb != null) {
            String from = packet.getAddress().getHostAddress();
            cb.onReceive(new Inbound(new PeerAddress(NAME, from), d.payload(), forMe ? options.computerName() : "*", 0));
        }
    }

    /**
     * The machine's addresses, listed again at most every few seconds: every echo of our own broadcasts and
     * every unicast send needs them, and listing interfaces costs system calls.
     */
    private List<LocalAddress> addresses() throws IOException {
        synchronized (addressLock) { // not the carrier's monitor: close() holds that while joining the reader
            return refreshedAddresses();
        }
    }

    private List<LocalAddress> refreshedAddresses() throws IOException {
        long now = System.nanoTime();
        if (cachedAddresses == null || now - cachedAt > ADDRESS_REFRESH_NANOS) {
            cachedAddresses = network.upIpv4Addresses();
            cachedAt = now;
        }
        return cachedAddresses;
    }

    private boolean isLocal(InetAddress address) {
        try {
            return addresses().stream().anyMatch(a -> a.address().equals(address));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void send(PeerAddress to, String recipientName, byte[] message) throws CarrierException {
        if (!NAME.equals(to.carrier())) {
            throw new CarrierException("not a NetBIOS address: " + to);
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(to.address());
        } catch (IOException e) {
            throw new CarrierException("bad NetBIOS peer address " + to.address(), e);
        }
        if (!(ip instanceof Inet4Address)) {
            throw new CarrierException("NetBIOS peers have IPv4 addresses: " + to.address());
        }
        NetbiosName dest;
        try {
            dest = NetbiosName.computer(recipientName);
        } catch (IllegalArgumentException e) {
            throw new CarrierException("\"" + recipientName + "\" is not a NetBIOS computer name (15 characters at most)");
        }
        transmit(MailslotDatagram.DIRECT_UNIQUE, dest, sourceFor((Inet4Address) ip), ip, message);
    }

    @Override
    public void sendToAll(byte[] message) throws CarrierException {
        List<LocalAddress> targets = new ArrayList<>();
        try {
            for (LocalAddress a : addresses()) {
                boolean chosen = options.interfaces().isEmpty() ? !a.loopback()
                        : options.interfaces().contains(a.interfaceName());
                if (chosen && a.broadcast() != null) {
                    targets.add(a);
                }
            }
        } catch (IOException e) {
            throw new CarrierException("cannot list the network interfaces: " + e.getMessage(), e);
        }
        if (targets.isEmpty()) {
            throw new CarrierException("no network interface with a broadcast address for NetBIOS messages to everyone");
        }
        for (LocalAddress a : targets) {
            transmit(MailslotDatagram.DIRECT_GROUP, workgroup, a.address(), a.broadcast(), message);
        }
    }

    private Inet4Address sourceFor(Inet4Address peer) {
        try {
            for (LocalAddress a : addresses()) {
                if (sameSubnet(a, peer)) {
                    return a.address();
                }
            }
        } catch (IOException ignored) {
            // fall through to 0.0.0.0: receivers reply to the UDP source, not to this field
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[4]);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean sameSubnet(LocalAddress a, Inet4Address peer) {
        int mask = a.prefixLength() == 0 ? 0 : -1 << (32 - a.prefixLength());
        return (toInt(a.address()) & mask) == (toInt(peer) & mask);
    }

    private static int toInt(Inet4Address a) {
        byte[] b = a.getAddress();
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    private void transmit(int type, NetbiosName dest, InetAddress source, InetAddress to, byte[] message)
            throws CarrierException {
        if (message.length > MAX_MESSAGE_BYTES) {
            throw new CarrierException("a mailslot message holds at most " + MAX_MESSAGE_BYTES + " bytes, this one "
                    + message.length);
        }
        DatagramSocket s = socket;
        if (s == null || s.isClosed()) {
            throw new CarrierException("the NetBIOS carrier is not running");
        }
        byte[] frame = codec.encode(new MailslotDatagram(type, datagramIds.incrementAndGet(), source.getAddress(),
                options.port(), me, dest, options.mailslot(), message));
        try {
            s.send(new DatagramPacket(frame, frame.length, to, options.port()));
        } catch (IOException e) {
            throw new CarrierException("NetBIOS send to " + to.getHostAddress() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        callback = null;
        if (names != null) {
            names.close();
        }
        DatagramSocket s = socket;
        if (s != null) {
            s.close();
        }
        if (reader != null) {
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
