package org.traytalk.carrier.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.Inbound;
import org.traytalk.carrier.net.LocalAddress;
import org.traytalk.model.PeerAddress;
import org.traytalk.wire.FoxMessage;
import org.traytalk.wire.FoxMessageCodec;
import org.traytalk.wire.netbios.MailslotDatagram;
import org.traytalk.wire.netbios.MailslotDatagramCodec;
import org.traytalk.wire.netbios.NameQuery;
import org.traytalk.wire.netbios.NetbiosName;

/**
 * The carrier on loopback: ALICE at 127.0.0.1 on a free port, a scripted Windows computer WINPC at 127.0.0.2 on
 * the same port, and WINPC's name service on another port that the interface's "broadcast address" reaches.
 */
class NetbiosCarrierTest {
    private static final NameResolver.Timing FAST = new NameResolver.Timing(Duration.ofMillis(150), 3,
            Duration.ofMinutes(10), Duration.ofSeconds(30));
    private static final byte[] HELLO = "ALICE                              71 0hello".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path proc;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final AtomicInteger queries = new AtomicInteger();
    private final BlockingQueue<Inbound> inbound = new ArrayBlockingQueue<>(10);
    private int port;
    private DatagramSocket winpc;
    private DatagramSocket winpcNames;
    private Thread answering;
    private NetbiosCarrier alice;

    @BeforeEach
    void setUp() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        winpc = new DatagramSocket(null);
        winpc.setReuseAddress(true); // beside ALICE's wildcard socket on the same port
        winpc.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), port));
        winpc.setSoTimeout(3000);
        winpcNames = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        answering = new Thread(this::answerNames, "test-winpc-names");
        answering.setDaemon(true);
        answering.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (alice != null) {
            alice.close();
        }
        winpc.close();
        winpcNames.close();
        answering.join(2000);
    }

    /** WINPC's name service: answers for WINPC<00> with 127.0.0.2. */
    private void answerNames() {
        byte[] buffer = new byte[576];
        while (!winpcNames.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                winpcNames.receive(p);
                NameQuery q = NameQuery.decode(p.getData(), 0, p.getLength());
                queries.incrementAndGet();
                if (q.name().equals(NetbiosName.computer("WINPC"))) {
                    byte[] a = q.positiveResponse(new byte[] {127, 0, 0, 2});
                    winpcNames.send(new DatagramPacket(a, a.length, p.getSocketAddress()));
                }
            } catch (Exception e) {
                // closed, or not a query
            }
        }
    }

    private NetbiosCarrier start(PortNeighbours neighbours) throws Exception {
        return start(neighbours, new CarrierCallback() {
            @Override
            public void onReceive(Inbound datagram) {
                inbound.add(datagram);
            }
        });
    }

    private NetbiosCarrier start(PortNeighbours neighbours, CarrierCallback callback) throws Exception {
        Inet4Address lo = (Inet4Address) InetAddress.getByName("127.0.0.1");
        LocalAddress testNet = new LocalAddress("test0", lo, 8, lo, false); // its "broadcast" reaches WINPC's names
        NetbiosCarrierOptions options = new NetbiosCarrierOptions("ALICE", "WORKGROUP", "FOXAPP",
                Charset.forName("windows-1252"), List.of(), port, 0);
        alice = new NetbiosCarrier(options, () -> List.of(testNet), warnings::add, neighbours, FAST,
                winpcNames.getLocalPort(), null);
        alice.start(callback);
        return alice;
    }

    private MailslotDatagram receivedByWinpc() throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        winpc.receive(p);
        return new MailslotDatagramCodec().decode(p.getData(), 0, p.getLength());
    }

    /** Sends like the outbox does: an unknown name is looked up in the background, a resend finds it. */
    private void sendUntilResolved(String name) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                alice.send(new PeerAddress("netbios", name), name, HELLO);
                return;
            } catch (CarrierException e) {
                if (!e.getMessage().startsWith("asking the network for " + name) || System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void aNameNeverHeardIsAskedForWithoutBlockingTheSender() throws Exception {
        start(new PortNeighbours(proc));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> alice.send(new PeerAddress("netbios", "WINPC"), "WINPC", HELLO))
                .isInstanceOf(CarrierException.class).hasMessageStartingWith("asking the network for WINPC");
        assertThat(System.nanoTime() - t0).as("the send returned before any answer could come")
                .isLessThan(TimeUnit.MILLISECONDS.toNanos(700));
        sendUntilResolved("WINPC");
        assertThat(receivedByWinpc().payload()).containsExactly(HELLO);
    }

    @Test
    void aNameNeverHeardIsAskedForThenWrittenTo() throws Exception {
        start(new PortNeighbours(proc));
        sendUntilResolved("WINPC");
        MailslotDatagram d = receivedByWinpc();
        assertThat(d.type()).isEqualTo(MailslotDatagram.DIRECT_UNIQUE);
        assertThat(d.destination()).isEqualTo(NetbiosName.computer("WINPC"));
        assertThat(d.source()).isEqualTo(NetbiosName.computer("ALICE"));
        assertThat(d.payload()).containsExactly(HELLO);
        assertThat(queries).hasValue(1);
        alice.send(new PeerAddress("netbios", "WINPC"), "WINPC", HELLO); // cached: no second query
        receivedByWinpc();
        assertThat(queries).hasValue(1);
    }

    @Test
    void nobodyAnsweringFailsTheSendClearly() throws Exception {
        start(new PortNeighbours(proc));
        assertThatThrownBy(() -> sendUntilResolved("GHOST"))
                .isInstanceOf(CarrierException.class)
                .hasMessageStartingWith("no computer named GHOST answered a NetBIOS name query on 127.0.0.1");
        assertThat(queries).hasValue(3);
    }

    /** WINPC writes {@code payload} to ALICE's slot from 127.0.0.2; returns what ALICE's engine is handed. */
    private Inbound heardFromWinpc(byte[] payload) throws Exception {
        byte[] frame = new MailslotDatagramCodec().encode(new MailslotDatagram(MailslotDatagram.DIRECT_UNIQUE, 1,
                new byte[] {127, 0, 0, 2}, port, NetbiosName.computer("WINPC"), NetbiosName.computer("ALICE"),
                "\\MAILSLOT\\FOXAPP", payload));
        winpc.send(new DatagramPacket(frame, frame.length, InetAddress.getByName("127.0.0.1"), port));
        Inbound in = inbound.poll(3, TimeUnit.SECONDS);
        assertThat(in).isNotNull();
        assertThat(in.source()).isEqualTo(new PeerAddress("netbios", "127.0.0.2"));
        return in;
    }

    @Test
    void aPeerHeardNeedsNoQuery() throws Exception {
        start(new PortNeighbours(proc));
        heardFromWinpc(new FoxMessageCodec(StandardCharsets.UTF_8).encode(FoxMessage.user("WinPC", 9, "hi"),
                StandardCharsets.UTF_8));
        alice.send(new PeerAddress("netbios", "WINPC"), "WINPC", HELLO);
        assertThat(receivedByWinpc().payload()).containsExactly(HELLO);
        assertThat(queries).hasValue(0);
    }

    @Test
    void framesWhoseMessageIsJunkOrNamesSomebodyElseTeachNoAddress() throws Exception {
        start(new PortNeighbours(proc));
        byte[] junk = "not a message".getBytes(StandardCharsets.US_ASCII);
        assertThat(heardFromWinpc(junk).payload()).as("the engine still judges it").containsExactly(junk);
        heardFromWinpc(new FoxMessageCodec(StandardCharsets.UTF_8).encode(FoxMessage.user("BOSS", 9, "hi"),
                StandardCharsets.UTF_8));
        assertThatThrownBy(() -> alice.send(new PeerAddress("netbios", "WINPC"), "WINPC", HELLO))
                .hasMessageStartingWith("asking the network for WINPC");
        sendUntilResolved("WINPC");
        assertThat(queries).hasValue(1);
    }

    @Test
    void aHostFloodingUsGetsItsRateThroughAndNoMore() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        start(new PortNeighbours(proc), new CarrierCallback() {
            @Override
            public void onReceive(Inbound datagram) {
                heard.incrementAndGet();
            }
        });
        byte[] frame = new MailslotDatagramCodec().encode(new MailslotDatagram(MailslotDatagram.DIRECT_UNIQUE, 1,
                new byte[] {127, 0, 0, 2}, port, NetbiosName.computer("WINPC"), NetbiosName.computer("ALICE"),
                "\\MAILSLOT\\FOXAPP", HELLO));
        long start = System.nanoTime();
        for (int sent = 100; sent <= 3_000; sent += 100) { // in hundreds, each taken off the socket before the next
            for (int i = 0; i < 100; i++) {
                winpc.send(new DatagramPacket(frame, frame.length, InetAddress.getByName("127.0.0.1"), port));
            }
            int expected = sent;
            await().atMost(Duration.ofSeconds(5)).until(() -> heard.get() + alice.overRate() >= expected);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(heard.get() + alice.overRate()).isEqualTo(3_000);
        assertThat((double) heard.get()).isBetween(NetbiosCarrier.PER_SOURCE.datagrams().burst(),
                NetbiosCarrier.PER_SOURCE.datagrams().burst() + NetbiosCarrier.PER_SOURCE.datagrams().perSecond()
                        * seconds + 1);
    }

    @Test
    void anIpAddressIsWrittenToWithoutAsking() throws Exception {
        start(new PortNeighbours(proc)).send(new PeerAddress("netbios", "127.0.0.2"), "WINPC", HELLO);
        assertThat(receivedByWinpc().destination()).isEqualTo(NetbiosName.computer("WINPC"));
        assertThat(queries).hasValue(0);
    }

    @Test
    void anotherProgramOnOurPortIsReportedAtStart() throws Exception {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/udp"), "  sl  local_address rem_address   st tx_queue rx_queue tr"
                + " tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
                + String.format("  105: 00000000:%04X 00000000:0000 07 00000000:00000000 00:00000000 00000000     0"
                + "        0 5002 2 0000000000000000 0\n", port));
        Files.createDirectories(proc.resolve("self/fd"));
        Path nmbd = Files.createDirectories(proc.resolve("812/fd"));
        Files.createSymbolicLink(nmbd.resolve("9"), Path.of("socket:[5002]"));
        Files.writeString(proc.resolve("812/comm"), "nmbd\n");
        start(new PortNeighbours(proc));
        assertThat(warnings).singleElement().asString()
                .startsWith("Another program also holds UDP " + port + " here: nmbd (pid 812).")
                .contains("will not arrive reliably", "disable netbios = yes");
    }

    @Test
    void aloneOnOurPortThereIsNoWarning() throws Exception {
        start(PortNeighbours.system()); // the real /proc: our own socket is the only one on this port
        assertThat(warnings).isEmpty();
    }
}
