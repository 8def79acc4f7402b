package org.traytalk.carrier;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.traytalk.model.PeerAddress;
import org.traytalk.wire.secure.SecureFrameCodec;

/**
 * A LAN in memory: carriers attached to it deliver synchronously, on the sender's thread.
 * A drop filter simulates loss (for a broadcast, per receiving node); detached carriers simulate a peer that is gone.
 */
public final class InMemoryNetwork {

    private final Map<String, InMemoryCarrier> nodes = new ConcurrentHashMap<>();
    private volatile Predicate<Sent> drop = sent -> false;
    private final List<Sent> log = new ArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();

    /** A datagram on the wire: from, to ({@code *} for everyone), bytes. */
    public record Sent(String from, String to, String recipientName, byte[] bytes) {
    }

    public InMemoryCarrier attach(String address) {
        return new InMemoryCarrier(this, address);
    }

    public void dropWhen(Predicate<Sent> filter) {
        drop = filter;
    }

    public synchronized List<Sent> log() {
        return List.copyOf(log);
    }

    public synchronized void clearLog() {
        log.clear();
    }

    /** The addresses of the carriers started on this LAN, in the order they started. */
    public List<String> started() {
        return List.copyOf(started);
    }

    void register(InMemoryCarrier carrier) {
        nodes.put(carrier.address(), carrier);
        started.add(carrier.address());
    }

    void unregister(InMemoryCarrier carrier) {
        nodes.remove(carrier.address(), carrier);
    }

    void deliver(String from, String to, String recipientName, byte[] bytes) {
        synchronized (this) {
            log.add(new Sent(from, to, recipientName, bytes.clone()));
        }
        if ("*".equals(to)) {
            for (InMemoryCarrier node : List.copyOf(nodes.values())) {
                if (!node.address().equals(from) && !drop.test(new Sent(from, node.address(), "*", bytes))) {
                    node.receive(from, "*", bytes.clone());
                }
            }
        } else {
            InMemoryCarrier node = nodes.get(to);
            if (node != null && !drop.test(new Sent(from, to, recipientName, bytes))) {
                node.receive(from, recipientName, bytes.clone());
            }
        }
    }

    /** One node's carrier on the in-memory LAN; its address is its name on the network. */
    public static final class InMemoryCarrier implements Carrier {
        public static final String NAME = "mem";
        private final InMemoryNetwork network;
        private final String address;
        private final CarrierLifecycle lifecycle = new CarrierLifecycle("in-memory carrier");
        private volatile CarrierCallback callback;
        private volatile int maxMessageBytes = 38 + 32 * 1024;
        private volatile Charset charset = StandardCharsets.UTF_8;
        private volatile String sendFailure;
        private volatile boolean legacy;
        private volatile String name = NAME;

        InMemoryCarrier(InMemoryNetwork network, String address) {
            this.network = network;
            this.address = address;
        }

        public String address() {
            return address;
        }

        public PeerAddress peerAddress() {
            return new PeerAddress(name, address);
        }

        /** Moves the original program's plain messages instead of TrayTalk's secure frames. */
        public InMemoryCarrier legacy(boolean isLegacy) {
            this.legacy = isLegacy;
            return this;
        }

        @Override
        public boolean legacy() {
            return legacy;
        }

        @Override
        public int maxPayloadBytes() {
            return legacy ? maxMessageBytes : SecureFrameCodec.MAX_FRAME_BYTES;
        }

        public InMemoryCarrier limitedTo(int maxBytes, Charset cs) {
            this.maxMessageBytes = maxBytes;
            this.charset = cs;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        /** Another carrier name, for a node with two in-memory carriers. */
        public InMemoryCarrier named(String carrierName) {
            this.name = carrierName;
            return this;
        }

        @Override
        public int maxMessageBytes() {
            return maxMessageBytes;
        }

        @Override
        public Charset charset() {
            return charset;
        }

        @Override
        public void start(CarrierCallback cb) throws CarrierException {
            lifecycle.start(() -> {
                this.callback = cb;
                network.register(this);
            });
        }

        @Override
        public void send(PeerAddress to, String recipientName, byte[] message) throws CarrierException {
            check(message);
            network.deliver(address, to.address(), recipientName, message);
        }

        @Override
        public void sendToAll(byte[] message) throws CarrierException {
            check(message);
            network.deliver(address, "*", "*", message);
        }

        /** Every send fails with this reason from now on (a cable pulled, a full socket buffer); null heals it. */
        public void failSends(String reason) {
            this.sendFailure = reason;
        }

        private void check(byte[] message) throws CarrierException {
            if (sendFailure != null) {
                throw new CarrierException(sendFailure);
            }
            lifecycle.requireRunning();
            if (message.length > maxPayloadBytes()) {
                throw new CarrierException("message of " + message.length + " bytes exceeds " + maxPayloadBytes());
            }
        }

        /** Says to the engine that this carrier cannot receive ({@code why}), or, with null, that it can again. */
        public void receiving(String why) {
            CarrierCallback cb = callback;
            if (cb != null && why != null) {
                cb.onReceiveFailing(why);
            } else if (cb != null) {
                cb.onReceiveWorking();
            }
        }

        /** Simulates a cable, Wi-Fi or VPN change on this node. */
        public void addressesChanged() {
            CarrierCallback cb = callback;
            if (cb != null) {
                cb.onLocalAddressesChanged();
            }
        }

        /** On the sender's thread, so what the callback throws is the receiver's loss alone, as on a real carrier. */
        void receive(String from, String recipientName, byte[] bytes) {
            CarrierCallback cb = callback;
            if (cb != null) {
                try {
                    cb.onReceive(new Inbound(new PeerAddress(name, from), bytes, recipientName, 0));
                } catch (RuntimeException | Error e) {
                    // a real carrier's receive thread survives its callback too
                }
            }
        }

        @Override
        public void close() {
            if (lifecycle.close()) {
                network.unregister(this);
                callback = null;
            }
        }
    }
}
