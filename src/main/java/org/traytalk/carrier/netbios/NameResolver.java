package org.traytalk.carrier.netbios;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.traytalk.carrier.CarrierException;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.netbios.NameAnswer;
import org.traytalk.wire.netbios.NameQuery;
import org.traytalk.wire.netbios.NetbiosName;

/**
 * Finds the IPv4 address behind a computer name as a Windows B-node does before it writes to
 * {@code \\HOST\mailslot\X}: a broadcast name query for {@code HOST<00>} to UDP 137 on each subnet, repeated
 * while nobody answers. Answers, and addresses learnt from frames, are cached (the {@value #CAPACITY} names used
 * last); a name nobody answered is not asked again for a while, so a message waiting for it does not stall its
 * sender at every resend. Each query has a random transaction id, so an answer cannot be forged without seeing the
 * query.
 */
final class NameResolver {

    /**
     * @param perTry            how long each try waits for an answer
     * @param tries             queries per resolution
     * @param maxTtl            longest an answer is believed, whatever TTL it gave
     * @param quietAfterFailure how long a name nobody answered is not asked again
     */
    record Timing(Duration perTry, int tries, Duration maxTtl, Duration quietAfterFailure) {
        /** Windows' defaults: BcastNameQueryCount 3, BcastQueryTimeout 750 ms, CacheTimeout 10 minutes. */
        static final Timing WINDOWS = new Timing(Duration.ofMillis(750), 3, Duration.ofMinutes(10), Duration.ofSeconds(30));
    }

    /** Where queries go: each chosen interface's broadcast address, port 137. */
    interface Targets {
        List<InetSocketAddress> get() throws CarrierException;
    }

    private record Entry(Inet4Address address, String failure, long until) {
    }

    /** Names remembered at most; more than a LAN has computers. */
    static final int CAPACITY = 512;

    private final Targets targets;
    private final Timing timing;
    private final LongSupplier clockNanos;
    private final NameCache<Entry> cache = new NameCache<>(CAPACITY);
    private final Set<NetbiosName> asking = ConcurrentHashMap.newKeySet();
    private final RandomGenerator random;

    /** @param random draws the transaction ids; a SecureRandom outside tests */
    NameResolver(Targets targets, Timing timing, LongSupplier clockNanos, RandomGenerator random) {
        this.targets = targets;
        this.timing = timing;
        this.clockNanos = clockNanos;
        this.random = random;
    }

    /** A frame from {@code name} came from {@code address}: no need to ask for it. */
    void learn(NetbiosName name, Inet4Address address) {
        cache.put(name, new Entry(address, null, clockNanos.getAsLong() + timing.maxTtl().toNanos()));
    }

    /**
     * The address to write to {@code name} without waiting: the cached one; when none is known a query starts on
     * {@code background} and this says so with a CarrierException (the caller's resend finds the answer cached);
     * a name nobody answered lately fails with that reason.
     */
    Inet4Address resolveSoon(NetbiosName name, Executor background) throws CarrierException {
        Entry known = cache.get(name);
        if (known != null && clockNanos.getAsLong() - known.until() < 0) {
            if (known.failure() != null) {
                throw new CarrierException(known.failure());
            }
            return known.address();
        }
        if (asking.add(name)) {
            try {
                background.execute(() -> {
                    try {
                        resolve(name);
                    } catch (CarrierException e) {
                        // cached as the name's failure: the next send reports it
                    } finally {
                        asking.remove(name);
                    }
                });
            } catch (RejectedExecutionException e) {
                asking.remove(name);
                throw new CarrierException("the NetBIOS carrier is closing; " + name.name() + " was not looked up");
            }
        }
        throw new CarrierException("asking the network for " + name.name() + " (NetBIOS name query); the message"
                + " goes as soon as it answers");
    }

    /** The address to write to {@code name}; asks the subnets when none is known. Blocks at most perTry x tries. */
    Inet4Address resolve(NetbiosName name) throws CarrierException {
        Entry known = cache.get(name);
        if (known != null && clockNanos.getAsLong() - known.until() < 0) {
            if (known.failure() != null) {
                throw new CarrierException(known.failure());
            }
            return known.address();
        }
        List<InetSocketAddress> to = targets.get();
        if (to.isEmpty()) {
            throw new CarrierException("no network interface with a broadcast address to ask for " + name
                    + " by NetBIOS name query");
        }
        Optional<NameAnswer> answer = ask(name, to);
        long now = clockNanos.getAsLong();
        if (answer.isPresent()) {
            long ttl = Math.min(answer.get().ttlSeconds(), timing.maxTtl().toSeconds());
            Inet4Address at = answer.get().addresses().get(0);
            cache.put(name, new Entry(at, null, now + Duration.ofSeconds(ttl).toNanos()));
            return at;
        }
        String failure = "no computer named " + name.name() + " answered a NetBIOS name query on "
                + to.stream().map(a -> a.getAddress().getHostAddress()).collect(Collectors.joining(", "))
                + " (" + timing.tries() + " tries); the message waits and is sent when " + name.name()
                + " is heard. Is it switched on, on this subnet, with NetBIOS over TCP/IP enabled?";
        cache.put(name, new Entry(null, failure, now + timing.quietAfterFailure().toNanos()));
        throw new CarrierException(failure);
    }

    private Optional<NameAnswer> ask(NetbiosName name, List<InetSocketAddress> to) throws CarrierException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setBroadcast(true);
            for (int attempt = 0; attempt < timing.tries(); attempt++) {
                int id = nextId();
                byte[] query = new NameQuery(id, name, true).encode();
                for (InetSocketAddress target : to) {
                    socket.send(new DatagramPacket(query, query.length, target));
                }
                Optional<NameAnswer> answer = awaitAnswer(socket, id, name);
                if (answer.isPresent()) {
                    return answer;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new CarrierException("NetBIOS name query for " + name + " failed: " + e.getMessage(), e);
        }
    }

    private int nextId() {
        synchronized (random) { // queries run on the lookup thread and on senders' threads
            return random.nextInt(0x10000);
        }
    }

    /** Names remembered now; for tests. */
    int cached() {
        return cache.size();
    }

    /** Real time here, not the cache clock: the socket waits in real time. */
    private Optional<NameAnswer> awaitAnswer(DatagramSocket socket, int id, NetbiosName name) throws IOException {
        long deadline = System.nanoTime() + timing.perTry().toNanos();
        byte[] buffer = new byte[576];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return Optional.empty();
            }
            socket.setSoTimeout((int) left);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            try {
                NameAnswer a = NameAnswer.decode(packet.getData(), packet.getOffset(), packet.getLength());
                if (a.transactionId() == id && a.name().equals(name) && a.positive()) {
                    return Optional.of(a);
                }
            } catch (MalformedMessageException ignored) {
                // not an answer to us: keep waiting
            }
        }
    }
}
