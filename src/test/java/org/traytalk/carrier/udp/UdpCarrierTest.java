package org.traytalk.carrier.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.traytalk.carrier.CarrierContractTest.Recorder;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.Inbound;
import org.traytalk.carrier.net.NetworkView;
import org.traytalk.carrier.net.Subnet;
import org.traytalk.model.PeerAddress;
import org.traytalk.wire.UdpEnvelope;
import org.traytalk.wire.UdpEnvelopeCodec;
import org.traytalk.wire.secure.SecureFrameCodec;

/** The UDP carrier on real sockets, loopback only. */
class UdpCarrierTest {

    private static final byte[] MESSAGE = (" ".repeat(38) + "hi").getBytes();
    private static final HostResolver NO_DNS = host -> {
        if (Subnet.isIpv4Literal(host)) {
            return Subnet.parseIpv4(host);
        }
        throw new UnknownHostException(host);
    };

    private final UdpEnvelopeCodec codec = new UdpEnvelopeCodec();
    private final Recorder recorder = new Recorder();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void countsForeignMalformedAndOtherGroupDatagramsWithoutDeliveringThem() throws Exception {
        UdpCarrier carrier = started(options(List.of("lo"), List.of()), NetworkView.system());
        DatagramSocket raw = rawSocket("127.0.0.1");
        byte[] v9 = codec.encode(new UdpEnvelope(7, "FOXAPP", MESSAGE));
        v9[4] = 9;

        sendRaw(raw, carrier, "NBSS datagram, not ours".getBytes());
        sendRaw(raw, carrier, v9);
        sendRaw(raw, carrier, codec.encode(new UdpEnvelope(7, "OTHER", MESSAGE)));
        sendRaw(raw, carrier, codec.encode(new UdpEnvelope(7, "foxapp", MESSAGE))); // the marker, delivered

        Inbound marker = recorder.next();
        assertThat(marker.payload()).containsExactly(MESSAGE);
        assertThat(marker.source().address()).isEqualTo("127.0.0.1:" + raw.getLocalPort());
        assertThat(marker.instanceId()).isEqualTo(7);
        assertThat(carrier.stats()).isEqualTo(new UdpStats(1, 1, 1, 0, 1, 0, 0));
        assertThat(recorder.count()).isEqualTo(1);
    }

    @Test
    void dropsItsOwnEcho() throws Exception {
        int port = UdpCarrierContractTest.freePort();
        UdpCarrier carrier = started(new UdpCarrierOptions(port, "FOXAPP", 42, List.of("lo"),
                List.of("127.0.0.1:" + port), Duration.ZERO), NetworkView.system());
        carrier.sendToAll(MESSAGE);
        sendRaw(rawSocket("127.0.0.1"), carrier, codec.encode(new UdpEnvelope(7, "FOXAPP", MESSAGE)));

        assertThat(recorder.next().instanceId()).isEqualTo(7);
        assertThat(carrier.stats().ownEcho()).isEqualTo(1);
        assertThat(recorder.count()).isEqualTo(1);
    }

    @Test
    void withInterfaceFilterDropsSourcesOutsideTheSelectedNetworksAndExtraTargets() throws Exception {
        FakeNetworkView view = new FakeNetworkView(TargetPlanTest.address("eth9", "10.9.0.1", 16, null, false));
        UdpCarrier carrier = started(options(List.of("eth9"), List.of("127.0.0.2:9")), view);
        byte[] datagram = codec.encode(new UdpEnvelope(7, "FOXAPP", MESSAGE));

        sendRaw(rawSocket("127.0.0.1"), carrier, datagram); // neither eth9's subnet nor a target
        sendRaw(rawSocket("127.0.0.2"), carrier, datagram); // an extra target: accepted

        assertThat(recorder.next().source().address()).startsWith("127.0.0.2:");
        assertThat(carrier.stats().foreignSource()).isEqualTo(1);
        assertThat(recorder.count()).isEqualTo(1);
    }

    @Test
    void aFailingCallbackDoesNotStopReception() throws Exception {
        UdpCarrier carrier = new UdpCarrier(options(List.of("lo"), List.of()), NetworkView.system(), NO_DNS);
        toClose.add(carrier);
        carrier.start(datagram -> {
            recorder.onReceive(datagram);
            throw new IllegalStateException("callback bug");
        });
        DatagramSocket raw = rawSocket("127.0.0.1");
        sendRaw(raw, carrier, codec.encode(new UdpEnvelope(7, "FOXAPP", MESSAGE)));
        sendRaw(raw, carrier, codec.encode(new UdpEnvelope(8, "FOXAPP", MESSAGE)));
        assertThat(recorder.next().instanceId()).isEqualTo(7);
        assertThat(recorder.next().instanceId()).isEqualTo(8);
    }

    @Test
    void portInUseSaysWhatToDo() throws Exception {
        DatagramSocket blocker = new DatagramSocket(new InetSocketAddress("0.0.0.0", 0));
        int port = blocker.getLocalPort();
        UdpCarrier carrier = carrier(new UdpCarrierOptions(port, "FOXAPP", 1, List.of("lo"), List.of(),
                Duration.ZERO), NetworkView.system());

        assertThatThrownBy(() -> carrier.start(recorder))
                .isInstanceOf(CarrierException.class)
                .hasMessageContaining("UDP port " + port + " is already in use")
                .hasMessageContaining("another TrayTalk")
                .hasMessageContaining("set udp.port");

        blocker.close();
        carrier.start(recorder); // a failed start may be retried once the port is free
        assertThat(carrier.localPort()).isEqualTo(port);
    }

    @Test
    void otherBindFailuresMentionPermission() {
        CarrierException e = UdpSockets.bindFailure(138, new SocketException("Permission denied"));
        assertThat(e).hasMessageContaining("Cannot open UDP port 138 (Permission denied)")
                .hasMessageContaining("administrator or root permission").hasMessageContaining("udp.port");
    }

    @Test
    void sendRefusesAddressesItCannotUse() throws Exception {
        UdpCarrier carrier = started(options(List.of("lo"), List.of()), NetworkView.system());
        for (PeerAddress bad : List.of(new PeerAddress("mem", "127.0.0.1:4000"), new PeerAddress("udp", "bob-pc:4000"),
                new PeerAddress("udp", "127.0.0.1"), new PeerAddress("udp", "127.0.0.1:0"),
                new PeerAddress("udp", "127.0.0.1:70000"), new PeerAddress("udp", ""))) {
            assertThatThrownBy(() -> carrier.send(bad, "bob", MESSAGE)).as(bad.toString())
                    .isInstanceOf(CarrierException.class).hasMessageContaining("not a UDP peer address");
        }
    }

    @Test
    void sendRefusesWhatTheEnvelopeCannotCarry() throws Exception {
        UdpCarrier carrier = started(options(List.of("lo"), List.of()), NetworkView.system());
        PeerAddress somewhere = new PeerAddress("udp", "127.0.0.1:9");
        assertThatThrownBy(() -> carrier.send(somewhere, "bob", new byte[0]))
                .isInstanceOf(CarrierException.class).hasMessageContaining("frame of 0 bytes");
        assertThatThrownBy(() -> carrier.send(somewhere, "bob", new byte[SecureFrameCodec.MAX_FRAME_BYTES + 1]))
                .isInstanceOf(CarrierException.class).hasMessageContaining("frame of 65001 bytes");
    }

    @Test
    void lifecycleIsSingleUse() throws Exception {
        UdpCarrier carrier = carrier(options(List.of("lo"), List.of()), NetworkView.system());
        assertThatThrownBy(() -> carrier.sendToAll(MESSAGE)).hasMessageContaining("not started");
        carrier.start(recorder);
        assertThatThrownBy(() -> carrier.start(recorder)).hasMessageContaining("already started");
        carrier.close();
        assertThatThrownBy(() -> carrier.start(recorder)).hasMessageContaining("closed");
        assertThatThrownBy(() -> carrier.sendToAll(MESSAGE)).hasMessageContaining("closed");
    }

    @Test
    void runsNamedDaemonThreadsThatStopOnClose() throws Exception {
        UdpCarrier carrier = carrier(new UdpCarrierOptions(0, "FOXAPP", 1, List.of("lo"), List.of(),
                Duration.ofMinutes(1)), NetworkView.system());
        carrier.start(recorder);
        assertThat(threads(UdpCarrier.RECEIVE_THREAD)).singleElement().matches(Thread::isDaemon);
        assertThat(threads(UdpCarrier.WATCH_THREAD)).singleElement().matches(Thread::isDaemon);
        carrier.close();
        assertThat(threads(UdpCarrier.RECEIVE_THREAD)).isEmpty();
        await().atMost(Duration.ofSeconds(2)).until(() -> threads(UdpCarrier.WATCH_THREAD).isEmpty());
    }

    @Test
    void sendToAllWithNowhereToSendSaysSo() throws Exception {
        UdpCarrier carrier = started(options(List.of("lo"), List.of()), NetworkView.system());
        assertThatThrownBy(() -> carrier.sendToAll(MESSAGE)).isInstanceOf(CarrierException.class)
                .hasMessageContaining("Nowhere to send").hasMessageContaining("[lo]");
    }

    @Test
    void sendToAllKeepsGoingPastAFailedTarget() throws Exception {
        DatagramSocket peer = rawSocket("127.0.0.1");
        peer.setSoTimeout(5_000);
        UdpCarrier carrier = started(options(List.of("lo"), List.of("nosuch.lan", "127.0.0.1:" + peer.getLocalPort())),
                NetworkView.system());

        carrier.sendToAll(MESSAGE);

        DatagramPacket packet = new DatagramPacket(new byte[1000], 1000);
        peer.receive(packet);
        UdpEnvelope got = codec.decode(packet.getData(), 0, packet.getLength());
        assertThat(got.frame()).containsExactly(MESSAGE);
        assertThat(carrier.lastSendToAllFailures()).singleElement().asString().startsWith("nosuch.lan:");
    }

    @Test
    void sendToAllFailsWhenEveryTargetFails() throws Exception {
        UdpCarrier carrier = started(options(List.of("lo"), List.of("nosuch.lan", "nowhere.lan:5000")),
                NetworkView.system());
        assertThatThrownBy(() -> carrier.sendToAll(MESSAGE)).isInstanceOf(CarrierException.class)
                .hasMessageContaining("Could not send to anyone").hasMessageContaining("nosuch.lan")
                .hasMessageContaining("nowhere.lan:5000");
    }

    @Test
    void addressChangeRecomputesTargetsAndTellsTheCallback() throws Exception {
        FakeNetworkView view = new FakeNetworkView(TargetPlanTest.LO);
        UdpCarrier carrier = started(options(List.of("lo", "eth9"), List.of()), view);
        assertThat(carrier.plan().destinations()).isEmpty();

        carrier.refreshAddresses();
        assertThat(recorder.addressChanges()).isZero();

        view.set(TargetPlanTest.LO, TargetPlanTest.address("eth9", "10.9.0.1", 16, "10.9.255.255", false));
        carrier.refreshAddresses();
        assertThat(recorder.addressChanges()).isEqualTo(1);
        assertThat(carrier.plan().destinations()).extracting(Object::toString)
                .containsExactly("10.9.255.255:" + carrier.localPort());

        view.set(TargetPlanTest.LO, TargetPlanTest.address("eth9", "10.9.0.1", 24, "10.9.0.255", false));
        carrier.refreshAddresses();
        assertThat(recorder.addressChanges()).isEqualTo(2);
    }

    @Test
    void watchNoticesAddressChangesOnItsOwn() throws Exception {
        FakeNetworkView view = new FakeNetworkView(TargetPlanTest.LO);
        started(new UdpCarrierOptions(0, "FOXAPP", 1, List.of("lo", "eth9"), List.of(), Duration.ofMillis(20)), view);
        view.set(TargetPlanTest.LO, TargetPlanTest.address("eth9", "10.9.0.1", 16, null, false));
        await().atMost(Duration.ofSeconds(5)).until(() -> recorder.addressChanges() == 1);
    }

    @Test
    void systemViewListsTheLoopbackAddress() throws IOException {
        assertThat(NetworkView.system().upIpv4Addresses())
                .anyMatch(a -> a.loopback() && a.address().isLoopbackAddress() && a.prefixLength() > 0);
    }

    private static UdpCarrierOptions options(List<String> interfaces, List<String> targets) {
        return new UdpCarrierOptions(0, "FOXAPP", 1, interfaces, targets, Duration.ZERO);
    }

    private UdpCarrier carrier(UdpCarrierOptions options, NetworkView view) {
        UdpCarrier carrier = new UdpCarrier(options, view, NO_DNS);
        toClose.add(carrier);
        return carrier;
    }

    private UdpCarrier started(UdpCarrierOptions options, NetworkView view) throws CarrierException {
        UdpCarrier carrier = carrier(options, view);
        carrier.start(recorder);
        return carrier;
    }

    private DatagramSocket rawSocket(String loopbackIp) throws SocketException {
        DatagramSocket raw = new DatagramSocket(new InetSocketAddress(loopbackIp, 0));
        toClose.add(raw);
        return raw;
    }

    private static void sendRaw(DatagramSocket raw, UdpCarrier to, byte[] bytes) throws IOException {
        raw.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", to.localPort())));
    }

    private static List<Thread> threads(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive())
                .toList();
    }
}
