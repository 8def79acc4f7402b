package org.traytalk.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.traytalk.crypto.Ed25519;
import org.traytalk.crypto.X25519;
import org.traytalk.engine.PresenceRepeats;
import org.traytalk.model.PeerAddress;
import org.traytalk.secure.GroupSecrets;
import org.traytalk.secure.Opened;
import org.traytalk.secure.Rejected;
import org.traytalk.secure.SecureLink;
import org.traytalk.trust.Identity;
import org.traytalk.wire.MalformedMessageException;
import org.traytalk.wire.UdpEnvelope;
import org.traytalk.wire.UdpEnvelopeCodec;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.AnnouncementCodec;

/**
 * A crowd of TrayTalk peers in one program, run in its namespace by the crowd benchmark ({@link CrowdBenchmark}):
 * peer {@code i} owns the address {@link #address}(i) (already on eth0) and port 42138, its own identity and its own
 * {@link SecureLink}, so every frame is TrayTalk's own. Each starts at a random moment within the spread, then does
 * what PresenceKeeper does: DETECT and ONLINE to everyone at start, ONLINE again after each of its repeats (+-10 %,
 * with a DETECT before it where the repeat asks), ONLINE to everyone every heartbeat (+-10 %); a DETECT sent to it
 * is answered with an ONLINE carrying its challenge's echo, and an announcement it cannot believe yet is asked about by its link, as a node's would. The node's broadcasts reach
 * every started peer. One thread, one selector. Prints {@code COUNTS ms key=n ...} (totals so far) every 10 s:
 * {@code out.bcast.KIND}, {@code out.direct.KIND} what the crowd sent, {@code in.bcast.KIND}, {@code in.direct.KIND}
 * what came from the node; and {@code STARTED ms} when the last peer made its first announcement.
 * <p>Arguments: PEERS NODE_IP SPREAD_SECONDS HEARTBEAT_SECONDS RUN_SECONDS REPEATS (as
 * {@link PresenceRepeats#schedule}).
 */
public final class CrowdSimulator {
    static final int PORT = 42138;
    static final String GROUP = "FOXAPP";
    static final String BROADCAST = "10.77.255.255";
    private static final long REPORT_EVERY = 10_000_000_000L;

    /** Peer {@code i}'s address: 10.77.1.1 onwards, 250 to a block, inside the node's 10.77.0.0/16. */
    static String address(int i) {
        return "10.77." + (1 + i / 250) + "." + (1 + i % 250);
    }

    /** One simulated TrayTalk: what a node is on the wire. */
    private final class Peer {
        final int index;
        final String name;
        final DatagramChannel channel;
        final long instanceId;
        final SecureLink link;
        long sequence = System.currentTimeMillis() * 1000;
        boolean started;

        Peer(int index, SecureRandom random) throws IOException {
            this.index = index;
            this.name = String.format("CROWD%04d", index);
            this.channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_BROADCAST, true);
            channel.bind(new InetSocketAddress(InetAddress.getByName(address(index)), PORT));
            channel.configureBlocking(false);
            long id;
            do {
                id = random.nextLong();
            } while (id == 0);
            this.instanceId = id;
            Identity identity = new Identity(Ed25519.generate(random), X25519.generate(random));
            this.link = new SecureLink(identity, () -> name, group, Clock.systemUTC(), random, this::nextSequence,
                    instanceId, () -> new byte[0], key -> false, () -> true, (to, frame) -> send(to, frame, "direct"));
        }

        /** Never below the clock in microseconds and always growing, as TrayTalk's counter. */
        private long nextSequence() {
            sequence = Math.max(sequence + 1, System.currentTimeMillis() * 1000);
            return sequence;
        }

        void announce(Announcement.Kind kind, InetSocketAddress to, byte[] echo, String how) {
            transmit(to, link.announcement(kind, name, echo), kind.name(), how);
        }

        private void send(PeerAddress to, byte[] frame, String how) {
            String[] hostPort = to.address().split(":");
            transmit(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), frame, "DETECT", how);
        }

        private void transmit(InetSocketAddress to, byte[] frame, String kind, String how) {
            try {
                channel.send(ByteBuffer.wrap(envelopes.encode(new UdpEnvelope(instanceId, GROUP, frame))), to);
                count("out." + how + "." + kind);
            } catch (IOException e) {
                count("out.failed");
            }
        }

        /** What a node does with a frame: opens it; a believed DETECT is answered directly with the echo. */
        String take(InetSocketAddress from, byte[] frame) {
            try {
                Optional<Opened> opened = link.open(new PeerAddress("udp", from.getAddress().getHostAddress() + ":"
                        + from.getPort()), frame);
                if (opened.isEmpty() || !(opened.get() instanceof Opened.Heard heard)) {
                    return "other";
                }
                Announcement a = heard.announcement();
                if (heard.current() && a.kind() == Announcement.Kind.DETECT) {
                    announce(Announcement.Kind.ONLINE, from, AnnouncementCodec.extension(a,
                            Announcement.TAG_CHALLENGE), "direct");
                }
                return a.kind().name();
            } catch (Rejected e) {
                return "refused";
            }
        }
    }

    /** When a peer announces next: ONLINE, after a DETECT if it {@code ask}s; the heartbeat when not a repeat. */
    private record Due(long at, Peer peer, boolean ask, boolean heartbeat) {
    }

    /** One of PresenceKeeper's repeats after the start-up announcement: "3000+" is 3 s later, asking again. */
    private record Repeat(long afterNanos, boolean ask) {
        static Repeat parse(String text) {
            boolean ask = text.endsWith("+");
            return new Repeat(Long.parseLong(ask ? text.substring(0, text.length() - 1) : text) * 1_000_000L, ask);
        }
    }

    private final GroupSecrets group = GroupSecrets.derive(GROUP, null);
    private final UdpEnvelopeCodec envelopes = new UdpEnvelopeCodec();
    private final Map<String, Long> counts = new TreeMap<>();
    private final SecureRandom random = new SecureRandom();
    private final InetSocketAddress everyone = new InetSocketAddress(BROADCAST, PORT);

    private void count(String key) {
        counts.merge(key, 1L, Long::sum);
    }

    public static void main(String[] args) throws Exception {
        int peers = Integer.parseInt(args[0]);
        InetAddress node = InetAddress.getByName(args[1]);
        long spread = Long.parseLong(args[2]) * 1_000_000_000L;
        long heartbeat = Long.parseLong(args[3]) * 1_000_000_000L;
        long run = Long.parseLong(args[4]) * 1_000_000_000L;
        new CrowdSimulator().run(peers, node, spread, heartbeat, run, Arrays.stream(args[5].split(","))
                .map(Repeat::parse).toList());
    }

    private void run(int count, InetAddress node, long spread, long heartbeat, long run, List<Repeat> repeats)
            throws IOException {
        List<Peer> peers = new ArrayList<>(count);
        try (Selector selector = Selector.open(); DatagramChannel broadcasts = DatagramChannel.open()) {
            broadcasts.bind(new InetSocketAddress(BROADCAST, PORT)); // what the node says to everyone
            broadcasts.configureBlocking(false);
            broadcasts.register(selector, SelectionKey.OP_READ);
            for (int i = 0; i < count; i++) {
                Peer p = new Peer(i, random);
                p.channel.register(selector, SelectionKey.OP_READ, p);
                peers.add(p);
            }
            System.out.println("READY " + count);
            System.out.flush();
            long start = System.nanoTime();
            PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
            for (Peer p : peers) {
                long first = start + (long) (random.nextDouble() * spread);
                due.add(new Due(first, p, true, false));
                for (Repeat r : repeats) {
                    due.add(new Due(first + jittered(r.afterNanos(), PresenceRepeats.JITTER), p, r.ask(), false));
                }
                due.add(new Due(first + jittered(heartbeat, 0.1), p, false, true));
            }
            ByteBuffer buffer = ByteBuffer.allocate(65_536);
            long end = start + run;
            long nextReport = start + REPORT_EVERY;
            int started = 0;
            while (System.nanoTime() < end) {
                long wait = Math.min(due.peek().at(), nextReport) - System.nanoTime();
                if (wait > 1_000_000) {
                    selector.select(wait / 1_000_000);
                } else {
                    selector.selectNow();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    receive((DatagramChannel) key.channel(), (Peer) key.attachment(), node, peers, buffer);
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                while (due.peek().at() <= now) {
                    Due d = due.poll();
                    Peer p = d.peer();
                    if (!p.started) {
                        p.started = true;
                        if (++started == count) {
                            System.out.println("STARTED " + (now - start) / 1_000_000);
                        }
                    }
                    if (d.ask()) {
                        p.announce(Announcement.Kind.DETECT, everyone, null, "bcast");
                    }
                    if (d.heartbeat()) {
                        due.add(new Due(d.at() + jittered(heartbeat, 0.1), p, false, true));
                    }
                    p.announce(Announcement.Kind.ONLINE, everyone, null, "bcast");
                }
                if (now >= nextReport) {
                    StringBuilder line = new StringBuilder("COUNTS " + (now - start) / 1_000_000);
                    counts.forEach((k, n) -> line.append(' ').append(k).append('=').append(n));
                    System.out.println(line);
                    System.out.flush();
                    nextReport += REPORT_EVERY;
                }
            }
        } finally {
            for (Peer p : peers) {
                p.channel.close();
            }
        }
    }

    /**
     * Everything waiting on one channel: what the node sent to a peer goes to that peer, what it sent to everyone
     * to every started peer (as each node hears it); the crowd's own broadcasts come back here and are skipped.
     */
    private void receive(DatagramChannel channel, Peer peer, InetAddress node, List<Peer> peers, ByteBuffer buffer)
            throws IOException {
        for (InetSocketAddress from; (from = (InetSocketAddress) channel.receive(buffer.clear())) != null; ) {
            if (!from.getAddress().equals(node)) {
                continue;
            }
            byte[] frame;
            try {
                frame = envelopes.decode(buffer.array(), 0, buffer.position()).frame();
            } catch (MalformedMessageException e) {
                count(peer == null ? "in.bcast.malformed" : "in.direct.malformed");
                continue;
            }
            if (peer != null) {
                count("in.direct." + peer.take(from, frame));
                continue;
            }
            String kind = "unheard";
            for (Peer p : peers) {
                if (p.started) {
                    kind = p.take(from, frame);
                }
            }
            count("in.bcast." + kind);
        }
    }

    private long jittered(long base, double fraction) {
        return base + (long) (base * fraction * (random.nextDouble() * 2 - 1));
    }
}
