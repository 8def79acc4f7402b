package org.traytalk.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <li>{@code flood IP SECONDS PER_SECOND FRAME_BYTES}: datagrams of a version 2 envelope around FRAME_BYTES of
 * noise ({@link #LARGEST_MESSAGE_FRAME} for the largest message, {@link SecureFrameCodec#MAX_FRAME_BYTES} for the
 * largest datagram the UDP carrier takes), paced to PER_SECOND, by four threads from 32 non-blocking sockets each
 * (128 source ports), to IP:42138; prints {@code SENT n} (taken by the kernel so far) each second and
 * {@code FLOOD tried taken seconds datagram-bytes user-seconds system-seconds} at the end (its CPU time).</li>
 * <li>{@code detect IP COUNT SECONDS LISTEN}: COUNT DETECTs to IP:42138 (the broadcast address reaches every node)
 * spread evenly over SECONDS, each under its own name and its own fresh identity (so none is limited as a repeat asker;
 * {@code READY} is printed when they are made and the storm starts), all from one socket, each identity answering the
 * question a node asks it as a live peer would (so its name can come online); then listens LISTEN seconds more and
 * prints {@code ANSWERS ip kind n} for what came back to that socket, per node and kind (ONLINE answers, DETECT
 * questions, anything else).</li>
 * </ul>
 */
public final class StormSender {
    static final int PORT = 42138;
    /** The frame of a message with the largest body, 32 KiB (docs/PROTOCOL.md, the UDP envelope). */
    public static final int LARGEST_MESSAGE_FRAME = 32_836;
    private static final int ANY_DATAGRAM = 65_507;
    private static final int FLOOD_THREADS = 4;
    /** The unit of a process's CPU times in /proc (USER_HZ, 100 on Linux). */
    private static final double CLOCK_TICKS = 100.0;

    private StormSender() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress target = InetAddress.getByName(args[1]);
        switch (args[0]) {
            case "flood" -> flood(target, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            case "detect" -> detect(target, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("flood or detect, not " + args[0]);
        }
    }

    private static void flood(InetAddress target, int seconds, int perSecond, int frameBytes) throws Exception {
        byte[] noise = new byte[frameBytes];
        new SecureRandom().nextBytes(noise);
        byte[] datagram = Forgeries.envelope(noise);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicLong tried = new AtomicLong();
        AtomicLong taken = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < FLOOD_THREADS; t++) { // the kernel fragments in the sender: a thread per core, and more
            Flood share = new Flood(target, datagram, perSecond / FLOOD_THREADS, tried, taken);
            Thread sender = new Thread(() -> share.run(start, end), "flood-" + t);
            sender.start();
            senders.add(sender);
        }
        for (long second = 1; second <= seconds; second++) {
            LockSupport.parkNanos(start + second * 1_000_000_000L - System.nanoTime());
            System.out.println("SENT " + taken.get());
            System.out.flush();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        String[] stat = Files.readString(Path.of("/proc/self/stat")).replaceFirst("^.*\\) ", "").split(" ");
        System.out.printf("FLOOD %d %d %.1f %d %.1f %.1f%n", tried.get(), taken.get(),
                (System.nanoTime() - start) / 1e9, datagram.length, Long.parseLong(stat[11]) / CLOCK_TICKS,
                Long.parseLong(stat[12]) / CLOCK_TICKS);
    }

    /**
     * One sending thread's share of the flood: non-blocking channels on 32 source ports and one buffer, so the
     * thread spends its time in the kernel sending rather than copying or waiting; a datagram the kernel has no
     * room for is counted as tried, not taken, and the pace goes on.
     */
    private record Flood(InetAddress target, byte[] datagram, int perSecond, AtomicLong tried, AtomicLong taken) {
        void run(long start, long end) {
            InetSocketAddress to = new InetSocketAddress(target, PORT);
            ByteBuffer buffer = ByteBuffer.allocateDirect(datagram.length).put(datagram);
            List<DatagramChannel> channels = new ArrayList<>();
            try {
                for (int i = 0; i < 32; i++) {
                    DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
                    channels.add(c);
                    c.configureBlocking(false);
                    c.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
                    c.bind(new InetSocketAddress(0));
                }
                long mine = 0;
                while (System.nanoTime() < end) {
                    long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L; // what should be out by now
                    for (; mine < due && System.nanoTime() < end; mine++) {
                        buffer.put(datagram.length - 1, (byte) mine).clear(); // each differs: none is a repeat
                        tried.incrementAndGet();
                        if (channels.get((int) (mine % channels.size())).send(buffer, to) > 0) {
                            taken.incrementAndGet();
                        }
                    }
                    LockSupport.parkNanos(200_000);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                for (DatagramChannel c : channels) {
                    try {
                        c.close();
                    } catch (IOException ignored) {
                        // the process ends next
                    }
                }
            }
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
            System.out.println("READY"); // the identities are made: the storm starts now
            System.out.flush();
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
