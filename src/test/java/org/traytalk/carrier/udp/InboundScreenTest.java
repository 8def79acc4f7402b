package org.traytalk.carrier.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.carrier.Inbound;
import org.traytalk.model.PeerAddress;
import org.traytalk.wire.UdpEnvelope;
import org.traytalk.wire.UdpEnvelopeCodec;

class InboundScreenTest {

    private static final long OURS = 0x1111;
    private static final byte[] MESSAGE = new byte[40];
    private final UdpEnvelopeCodec codec = new UdpEnvelopeCodec();
    private final InboundScreen screen = new InboundScreen(codec, "FoxApp", OURS);
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
        assertThat(screen.stats()).isEqualTo(new UdpStats(1, 0, 0, 0, 0, 0));
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

        assertThat(screen.stats()).isEqualTo(new UdpStats(0, 2, 1, 1, 1, 1));
    }

    @Test
    void filteredPlanStillDeliversFromTheSelectedSubnet() {
        byte[] datagram = codec.encode(new UdpEnvelope(0x2222, "FOXAPP", MESSAGE));
        assertThat(screen(datagram, "192.168.1.9", eth0Only)).isNotNull();
        assertThat(screen.stats().delivered()).isEqualTo(1);
    }

    private Inbound screen(byte[] datagram, String source, TargetPlan plan) {
        return screen.screen(datagram, 0, datagram.length, ip(source), 40000, plan);
    }

    private static InetAddress ip(String dotted) {
        return TargetPlanTest.ip(dotted);
    }
}
