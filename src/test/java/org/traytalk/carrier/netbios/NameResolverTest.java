package org.traytalk.carrier.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.traytalk.carrier.CarrierException;
import org.traytalk.wire.netbios.NameQuery;
import org.traytalk.wire.netbios.NetbiosName;

/** Name resolution against a scripted Windows name service on loopback; the cache clock is a test clock. */
class NameResolverTest {
    private static final NetbiosName WINPC = NetbiosName.computer("WINPC");
    private static final long SEED = 14;
    private static final NameResolver.Timing FAST = new NameResolver.Timing(Duration.ofMillis(150), 3,
            Duration.ofMinutes(10), Duration.ofSeconds(30));

    private final AtomicLong clock = new AtomicLong();
    private final List<NameQuery> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger ignoreFirst = new AtomicInteger();
    private volatile byte[] address = {10, 77, 0, 9};
    private volatile int ttlSeconds = 300_000;
    private DatagramSocket windows;
    private Thread answering;

    @BeforeEach
    void startWindows() throws Exception {
        windows = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        answering = new Thread(this::answer, "test-windows-names");
        answering.setDaemon(true);
        answering.start();
    }

    @AfterEach
    void stopWindows() throws Exception {
        windows.close();
        answering.join(2000);
    }

    /** Answers queries for WINPC<00> the way Windows does (a junk packet first, to be ignored). */
    private void answer() {
        byte[] buffer = new byte[576];
        while (!windows.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                windows.receive(p);
                NameQuery q = NameQuery.decode(p.getData(), 0, p.getLength());
                queries.add(q);
                if (!q.name().equals(WINPC) || ignoreFirst.getAndDecrement() > 0) {
                    continue;
                }
                windows.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, p.getSocketAddress()));
                byte[] stale = new NameQuery(q.transactionId() - 1, WINPC, true).positiveResponse(new byte[] {6, 6, 6, 6});
                windows.send(new DatagramPacket(stale, stale.length, p.getSocketAddress()));
                byte[] a = windowsAnswer(q.transactionId(), address, ttlSeconds);
                windows.send(new DatagramPacket(a, a.length, p.getSocketAddress()));
            } catch (Exception e) {
                // closed, or a packet this fake does not care about
            }
        }
    }

    private static byte[] windowsAnswer(int id, byte[] ip, int ttl) {
        ByteBuffer b = ByteBuffer.allocate(62);
        b.putShort((short) id).putShort((short) 0x8500).putShort((short) 0).putShort((short) 1).putInt(0)
                .put(WINPC.encode()).putShort((short) 0x20).putShort((short) 1).putInt(ttl)
                .putShort((short) 6).putShort((short) 0).put(ip);
        return b.array();
    }

    private NameResolver resolver() {
        return new NameResolver(() -> List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), windows.getLocalPort())),
                FAST, clock::get, new Random(SEED));
    }

    @Test
    void asksAsWindowsDoesAndUsesTheAnswer() throws Exception {
        NameResolver r = resolver();
        assertThat(r.resolve(WINPC).getHostAddress()).isEqualTo("10.77.0.9");
        assertThat(queries).singleElement().satisfies(q -> {
            assertThat(q.broadcast()).isTrue();
            assertThat(q.name()).isEqualTo(WINPC);
        });
    }

    @Test
    void answersAreCachedForTheirTtlAtMostTenMinutes() throws Exception {
        NameResolver r = resolver();
        r.resolve(WINPC);
        address = new byte[] {10, 77, 0, 10};
        clock.addAndGet(Duration.ofMinutes(9).toNanos());
        assertThat(r.resolve(WINPC).getHostAddress()).isEqualTo("10.77.0.9");
        assertThat(queries).hasSize(1);
        clock.addAndGet(Duration.ofMinutes(2).toNanos()); // Windows said 300000 s; we believe 10 minutes
        assertThat(r.resolve(WINPC).getHostAddress()).isEqualTo("10.77.0.10");
        assertThat(queries).hasSize(2);
        ttlSeconds = 60;
        clock.addAndGet(Duration.ofMinutes(11).toNanos());
        r.resolve(WINPC);
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        r.resolve(WINPC);
        assertThat(queries).hasSize(4);
    }

    @Test
    void triesAgainWhenTheFirstQueryGoesUnanswered() throws Exception {
        ignoreFirst.set(2);
        assertThat(resolver().resolve(WINPC).getHostAddress()).isEqualTo("10.77.0.9");
        assertThat(queries).hasSize(3);
        assertThat(queries.stream().map(NameQuery::transactionId).distinct()).hasSize(3);
    }

    @Test
    void transactionIdsAreDrawnAtRandomSoAnswersCannotBeForgedBlind() throws Exception {
        NameResolver r = resolver();
        assertThatThrownBy(() -> r.resolve(NetbiosName.computer("GHOST"))).isInstanceOf(CarrierException.class);
        Random same = new Random(SEED);
        assertThat(queries).extracting(NameQuery::transactionId)
                .containsExactly(same.nextInt(0x10000), same.nextInt(0x10000), same.nextInt(0x10000));
        assertThat(queries.get(1).transactionId()).isNotEqualTo(queries.get(0).transactionId() + 1);
    }

    @Test
    void theCacheKeepsTheNamesUsedLastAndNoMore() throws Exception {
        NameResolver r = resolver();
        Inet4Address somewhere = (Inet4Address) InetAddress.getByName("10.77.0.33");
        r.learn(WINPC, somewhere);
        NetbiosName first = NetbiosName.computer("FAKE0");
        r.learn(first, somewhere);
        for (int i = 1; i < NameResolver.CAPACITY + 100; i++) {
            r.learn(NetbiosName.computer("FAKE" + i), somewhere);
            if (i % 100 == 0) {
                r.resolve(WINPC); // in use: kept
            }
        }
        assertThat(r.cached()).isEqualTo(NameResolver.CAPACITY);
        assertThat(r.resolve(WINPC)).isEqualTo(somewhere);
        assertThat(queries).isEmpty();
        assertThatThrownBy(() -> r.resolve(first)).hasMessageContaining("no computer named FAKE0");
        assertThat(queries).as("pushed out, so asked for").hasSize(FAST.tries());
    }

    @Test
    void nobodyAnsweringIsAClearErrorAndIsNotAskedAgainAtOnce() {
        NameResolver r = resolver();
        NetbiosName ghost = NetbiosName.computer("GHOST");
        assertThatThrownBy(() -> r.resolve(ghost)).isInstanceOf(CarrierException.class)
                .hasMessageStartingWith("no computer named GHOST answered a NetBIOS name query on 127.0.0.1 (3 tries)");
        assertThat(queries).hasSize(3);
        assertThatThrownBy(() -> r.resolve(ghost)).hasMessageContaining("no computer named GHOST");
        assertThat(queries).hasSize(3);
        clock.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThatThrownBy(() -> r.resolve(ghost)).hasMessageContaining("no computer named GHOST");
        assertThat(queries).hasSize(6);
    }

    @Test
    void addressesLearntFromFramesNeedNoQuery() throws Exception {
        NameResolver r = resolver();
        r.learn(WINPC, (Inet4Address) InetAddress.getByName("10.77.0.33"));
        assertThat(r.resolve(WINPC).getHostAddress()).isEqualTo("10.77.0.33");
        assertThat(queries).isEmpty();
    }

    @Test
    void noBroadcastAddressSaysSo() {
        NameResolver r = new NameResolver(List::of, FAST, clock::get, new Random(1));
        assertThatThrownBy(() -> r.resolve(WINPC)).isInstanceOf(CarrierException.class)
                .hasMessageContaining("no network interface with a broadcast address");
    }

    @Test
    void failingTargetsReachTheCaller() {
        NameResolver r = new NameResolver(() -> {
            throw new CarrierException("cannot list the network interfaces: boom");
        }, FAST, clock::get, new Random(1));
        assertThatThrownBy(() -> r.resolve(WINPC)).hasMessageContaining("boom");
    }
}
