package org.traytalk.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.traytalk.crypto.Ed25519;
import org.traytalk.crypto.X25519;
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
import org.traytalk.wire.secure.SecureFrameCodec;

/**
 * A hostile host's load, run inside its namespace by the stress benchmark (org.traytalk.bench.StressBenchmark):
 * <ul>
 * <li>{@code flood IP SECONDS PER_SECOND}: the largest datagrams TrayTalk's UDP carrier takes (a version 2
 * envelope around 65,000 bytes of noise), paced to PER_SECOND, by two threads from 32 sockets each (64 source
 * ports), to IP:42138; prints {@code SENT n} each second and {@code FLOOD sent seconds} at the end.</li>
 * <li>{@code detect IP COUNT SECONDS LISTEN}: COUNT DETECTs to IP:42138 (the broadcast address reaches every node)
 * spread evenly over SECONDS, each under its own name and its own fresh identity (so none is limited as a repeat
 * asker), all from one socket, each identity answering the question a node asks it as a live peer would (so its
 * name can come online); then listens LISTEN seconds more and prints {@code ANSWERS ip kind n} for what came back
 * to that socket, per node and kind (ONLINE answers, DETECT questions, anything else).</li>
 * </ul>
 */
public final class StormSender {
    static final int PORT = 42138;
    /** The largest datagram UDP carries: a version 2 envelope around the largest frame. */
    public static final int LARGEST_DATAGRAM = Forgeries.envelope(new byte[SecureFrameCodec.MAX_FRAME_BYTES]).length;
    private static final int ANY_DATAGRAM = 65_507;
    private static final int FLOOD_THREADS = 2;

    private StormSender() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress target = InetAddress.getByName(args[1]);
        switch (args[0]) {
            case "flood" -> flood(target, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "detect" -> detect(target, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("flood or detect, not " + args[0]);
        }
    }

    private static void flood(InetAddress target, int seconds, int perSecond) throws Exception {
        byte[] noise = new byte[SecureFrameCodec.MAX_FRAME_BYTES];
        new SecureRandom().nextBytes(noise);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicLong sent = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < FLOOD_THREADS; t++) { // one thread cannot fragment and send 10,000 of these a second
            byte[] datagram = Forgeries.envelope(noise);
            int share = perSecond / FLOOD_THREADS;
            Thread sender = new Thread(() -> floodAtRate(target, datagram, share, start, end, sent), "flood-" + t);
            sender.start();
            senders.add(sender);
        }
        for (long second = 1; second <= seconds; second++) {
            LockSupport.parkNanos(start + second * 1_000_000_000L - System.nanoTime());
            System.out.println("SENT " + sent.get());
            System.out.flush();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        System.out.printf("FLOOD %d %.1f%n", sent.get(), (System.nanoTime() - start) / 1e9);
    }

    /** Sends {@code datagram} at {@code perSecond} from 32 sockets until {@code end}, counting each in {@code sent}. */
    private static void floodAtRate(InetAddress target, byte[] datagram, int perSecond, long start, long end,
                                    AtomicLong sent) {
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                DatagramSocket s = new DatagramSocket(new InetSocketAddress(0));
                s.setSendBufferSize(4 << 20);
                sockets.add(s);
            }
            long mine = 0;
            while (System.nanoTime() < end) {
                long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L; // what should have left by now
                while (mine < due && System.nanoTime() < end) {
                    datagram[datagram.length - 1] = (byte) mine; // each one differs: none may be taken for a repeat
                    sockets.get((int) (mine % sockets.size())).send(new DatagramPacket(datagram, datagram.length,
                            target, PORT));
                    mine++;
                    sent.incrementAndGet();
                }
                LockSupport.parkNanos(200_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sockets.forEach(DatagramSocket::close);
        }
    }

    /** The storm's identities, each with the challenge its DETECT carried, so it can answer the node's question. */
    private record Storm(List<Identity> identities, List<byte[]> detects, GroupSecrets group) {
        static Storm make(int count, SecureRandom random) {
            GroupSecrets group = GroupSecrets.derive(Forgeries.GROUP, null);
            List<Identity> identities = new ArrayList<>(count);
            List<byte[]> detects = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Identity fresh = new Identity(Ed25519.generate(random), X25519.generate(random));
                identities.add(fresh);
                detects.add(Forgeries.announcement(Announcement.Kind.DETECT, sequence(0), name(i), fresh.publicKey(),
                        fresh, group, AnnouncementCodec.extensions(Announcement.TAG_CHALLENGE, challenge(i))));
            }
            return new Storm(identities, detects, group);
        }

        static String name(int i) {
            return String.format("STORM%05d", i);
        }

        static long sequence(int step) {
            return System.currentTimeMillis() * 1000 + 999_999_999L + step;
        }

        /** 16 bytes, as TrayTalk's own: the identity's number first. */
        static byte[] challenge(int i) {
            return ByteBuffer.allocate(16).putInt(i).putInt(0x5354524d).array();
        }

        /** The storm's identity whose challenge {@code echo} is, or -1. */
        int whoseEcho(byte[] echo) {
            if (echo == null || echo.length != 16) {
                return -1;
            }
            int i = ByteBuffer.wrap(echo).getInt();
            return i >= 0 && i < identities.size() && Arrays.equals(echo, challenge(i)) ? i : -1;
        }

        /** Identity {@code i}'s ONLINE answering a node's question, which carried {@code nodesChallenge}. */
        byte[] answer(int i, byte[] nodesChallenge) {
            Identity id = identities.get(i);
            return Forgeries.announcement(Announcement.Kind.ONLINE, sequence(1), name(i), id.publicKey(), id, group,
                    AnnouncementCodec.extensions(Announcement.TAG_ECHO, nodesChallenge));
        }
    }

    private static void detect(InetAddress target, int count, int seconds, int listen) throws Exception {
        SecureRandom random = new SecureRandom();
        Storm storm = Storm.make(count, random);
        Identity mine = new Identity(Ed25519.generate(random), X25519.generate(random));
        SecureLink reader = new SecureLink(mine, () -> "STORM", storm.group(), Clock.systemUTC(), random,
                System::nanoTime, random.nextLong() | 1, () -> new byte[0], key -> false, () -> true, (to, f) -> { });
        Map<String, Integer> answers = new TreeMap<>();
        try (DatagramSocket socket = new DatagramSocket(null); DatagramSocket answering = new DatagramSocket(0)) {
            socket.setBroadcast(true);
            socket.bind(new InetSocketAddress(0));
            Thread listener = new Thread(() -> answerQuestions(socket, answering, reader, storm, answers),
                    "storm-answers");
            listener.setDaemon(true);
            listener.start();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + (long) i * seconds * 1_000_000_000L / count;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                byte[] d = storm.detects().get(i);
                socket.send(new DatagramPacket(d, d.length, target, PORT));
            }
            System.out.printf("STORM %d %.1f%n", count, (System.nanoTime() - start) / 1e9);
            System.out.flush();
            Thread.sleep(listen * 1000L); // the node's answers come when they come: this only bounds the count
            synchronized (answers) {
                answers.forEach((k, n) -> System.out.println("ANSWERS " + k + " " + n));
            }
        }
    }

    /**
     * Counts what the nodes send back, per node and kind, and answers every question as the asked identity, from
     * another port than the storm's: a node's inbound queue gives each source a share, and the storm fills its own.
     */
    private static void answerQuestions(DatagramSocket socket, DatagramSocket answering, SecureLink reader,
                                        Storm storm, Map<String, Integer> answers) {
        UdpEnvelopeCodec envelopes = new UdpEnvelopeCodec();
        byte[] buffer = new byte[ANY_DATAGRAM];
        while (true) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (IOException closed) {
                return;
            }
            String kind = "other";
            try {
                UdpEnvelope e = envelopes.decode(p.getData(), 0, p.getLength());
                Optional<Opened> opened = reader.open(new PeerAddress("udp", p.getAddress().getHostAddress() + ":"
                        + p.getPort()), e.frame());
                if (opened.isPresent() && opened.get() instanceof Opened.Heard h) {
                    Announcement a = h.announcement();
                    kind = a.kind().name();
                    int asked = storm.whoseEcho(AnnouncementCodec.extension(a, Announcement.TAG_ECHO));
                    byte[] challenge = AnnouncementCodec.extension(a, Announcement.TAG_CHALLENGE);
                    if (asked >= 0 && challenge != null) {
                        byte[] answer = storm.answer(asked, challenge);
                        answering.send(new DatagramPacket(answer, answer.length, p.getAddress(), PORT));
                    }
                }
            } catch (MalformedMessageException | Rejected | IOException | RuntimeException e) {
                kind = "other";
            }
            synchronized (answers) {
                answers.merge(p.getAddress().getHostAddress() + " " + kind, 1, Integer::sum);
            }
        }
    }
}
