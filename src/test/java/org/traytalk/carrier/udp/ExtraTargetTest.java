package org.traytalk.carrier.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.carrier.net.Subnet;

class ExtraTargetTest {

    @Test
    void parsesHostsPortsAndSubnets() {
        assertThat(ExtraTarget.parse("bob-pc")).isEqualTo(new ExtraTarget.Host("bob-pc", 0));
        assertThat(ExtraTarget.parse(" 10.0.0.9:5000 ")).isEqualTo(new ExtraTarget.Host("10.0.0.9", 5000));
        assertThat(ExtraTarget.parse("10.20.0.0/16"))
                .isEqualTo(new ExtraTarget.SubnetBroadcast(Subnet.parse("10.20.0.0/16")));
    }

    @Test
    void rejectsWhatCannotBeATarget() {
        assertThatThrownBy(() -> ExtraTarget.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ExtraTarget.parse("bob:0")).hasMessageContaining("port must be 1..65535");
        assertThatThrownBy(() -> ExtraTarget.parse("bob:65536")).hasMessageContaining("port must be 1..65535");
        assertThatThrownBy(() -> ExtraTarget.parse("bob:x")).hasMessageContaining("port must be 1..65535");
        assertThatThrownBy(() -> ExtraTarget.parse(":5000")).hasMessageContaining("bad host name");
        assertThatThrownBy(() -> ExtraTarget.parse("fe80::1")).hasMessageContaining("IPv6");
        assertThatThrownBy(() -> ExtraTarget.parse("10.0.0.300")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> ExtraTarget.parse("10.0.0.0/33")).hasMessageContaining("outside 0..32");
        assertThatThrownBy(() -> ExtraTarget.parse("bob-pc/24")).hasMessageContaining("not an IPv4 address");
    }

    @Test
    void optionsRefuseABadTargetAtConfigurationTime() {
        assertThatThrownBy(() -> new UdpCarrierOptions(42138, "FOXAPP", 1, List.of(),
                List.of("bob:99999"))).hasMessageContaining("bob:99999");
    }
}
