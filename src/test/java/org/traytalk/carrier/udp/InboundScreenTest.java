package org.traytalk.carrier.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.traytalk.carrier.Inbound;
import org.traytalk.carrier.SourceRates;
import org.traytalk.model.PeerAddress;
import org.traytalk.wire.UdpEnvelope;
import org.traytalk.wire.UdpEnvelopeCodec;

class InboundScreenTest {

    private static final long OURS = 0x1111;
    private static final byte[] MESSAGE = new byte[40];
    private final UdpEnvelopeCodec codec = new UdpEnvelopeCodec();
    private final AtomicLong nanos = new AtomicLong();
    private final InboundScreen screen = new InboundScreen(codec, "FoxApp", OURS,
            new SourceRates("UDP carrier", UdpCarrier.PER_SOURCE, nanos::get));
    private final TargetPlan open = TargetPlan.compute(List.of(), List.of(), List.of(), 42138, TargetPlanTest.RESOLVER);
    private final TargetPlan eth0Only = TargetPlan.compute(TargetPlanTest.UP, List.of("eth0"), List.of(), 42138,
            TargetPlanTest.RESOLVER);

    @Test
    void deliversAValidDatagramWithItsSourceAndInstance() {
        byte[] datagram = codec.encode(new UdpEnvelope(0x2222, "FOXAPP", MESSAGE));
        Inbound in = screen(datagram, "192.168.1.9", open);
        assertThat(in.source()).isEqualTo(new PeerAddress("udp", "192.168.1.9:40000"));
        assertThat(in.payload()).containsExactly(MESSAGE);
        assertThat(in.recipient()).isNull(); // frames are addressed by session, not by name
        assertThat(in.instanceId()).isEqualTo(0x2222);
        assertThat(screen.stats()).isEqualTo(new UdpStats(1, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void dropsAndCountsEachKindOfUnwantedDatagram() {
        assertThat(screen("hello".getBytes(), "192.168.1.9", open)).isNull();
        assertThat(screen(new byte[0], "192.168.1.9", open)).isNull();
        byte[] truncated = codec.encode(new UdpEnvelope(0x2222, "FOXAPP", MESSAGE));
        assertThat(screen(Arrays.copyOf(truncated, 18), "192.168.1.9", open)).isNull();
        assertThat(screen(codec.encode(new UdpEnvelope(OURS, "FOXAPP", MESSAGE)), "192.168.1.20", open)).isNull();
        assertThat(screen(codec.encode(new UdpEnvelope(0x2222, "OTHER", MESSAGE)), "192.168.1.9", open)).isNull();
        assertThat(screen(codec.encode(new UdpEnvelope(0x2222, "FOXAPP", MESSAGE)), "10.1.2.4", eth0Only))
                .isNull();

        assertThat(screen.stats()).isEqualTo(new UdpStats(0, 2, 1, 1, 1, 1, 0));
    }

    @Test
    void filteredPlanStillDeliversFromTheSelectedSubnet() {
        byte[] datagram = codec.encode(new UdpEnvelope(0x2222, "FOXAPP", MESSAGE));
        assertThat(screen(datagram, "192.168.1.9", eth0Only)).isNotNull();
        assertThat(screen.stats().delivered()).isEqualTo(1);
    }

    @Test
    void aHostFloodingTheLargestDatagramsGetsItsRateThroughAndTheOthersTheirs() {
        byte[] largest = codec.encode(new UdpEnvelope(0x2222, "FOXAPP", new byte[UdpCarrier.MAX_MESSAGE_BYTES]));
        int through = 0;
        for (int ms = 0; ms < 10_000; ms++) { // 10,000 a second for 10 s, from ever new ports
            nanos.addAndGet(1_000_000);
            through += screen.screen(largest, 0, largest.length, ip("192.168.1.66"), 1024 + ms % 60_000, open) != null
                    ? 1 : 0;
        }
        double perSecond = UdpCarrier.PER_SOURCE.bytes().perSecond() / largest.length;
        double atOnce = UdpCarrier.PER_SOURCE.bytes().burst() / largest.length;
        assertThat((double) through).isBetween(atOnce + 10 * perSecond - 2, atOnce + 10 * perSecond + 1);
        assertThat(screen.stats().overRate()).isEqualTo(10_000 - through);
        assertThat(screen(codec.encode(new UdpEnvelope(0x3333, "FOXAPP", MESSAGE)), "192.168.1.9", open))
                .as("a quiet host").isNotNull();
    }

    private Inbound screen(byte[] datagram, String source, TargetPlan plan) {
        return screen.screen(datagram, 0, datagram.length, ip(source), 40000, plan);
    }

    private static InetAddress ip(String dotted) {
        return TargetPlanTest.ip(dotted);
    }
}
