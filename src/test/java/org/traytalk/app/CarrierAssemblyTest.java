package org.traytalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.netbios.NetbiosCarrierOptions;
import org.traytalk.carrier.udp.UdpCarrierOptions;
import org.traytalk.config.NotificationStyle;
import org.traytalk.config.Settings;
import org.traytalk.model.UnverifiedPolicy;

/** The carriers come from the settings in the order the setting names them; options carry the settings. */
class CarrierAssemblyTest {
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopHousekeeping() {
        housekeeping.shutdownNow();
    }

    private final List<String> warnings = new ArrayList<>();

    private static Settings settings(List<String> carriers, List<String> interfaces, String workgroup,
                                     boolean nameService) {
        return new Settings("ALICE", "TEAM1", carriers, 50000, interfaces, List.of("10.1.0.0/16"),
                Charset.forName("windows-1252"), Duration.ofSeconds(60), Duration.ofHours(24), workgroup, nameService,
                Duration.ofSeconds(8), false, false, NotificationStyle.POPUP, Duration.ofMinutes(10), "", true,
                UnverifiedPolicy.WARN, "");
    }

    private List<String> builtNames(List<String> carriers) {
        List<Carrier> built = CarrierAssembly.build(settings(carriers, List.of(), "WORKGROUP", true), List::of,
                housekeeping, 7L, warnings);
        built.forEach(Carrier::close); // never started: closing releases what construction made
        return built.stream().map(Carrier::name).toList();
    }

    @Test
    void carriersKeepTheOrderOfTheSetting() {
        assertThat(builtNames(List.of("netbios", "udp"))).containsExactly("netbios", "udp");
        assertThat(builtNames(List.of("udp", "netbios"))).containsExactly("udp", "netbios");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aCarrierThatCannotRunHereIsLeftOutWithAWarning() {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"));

        assertThat(builtNames(List.of("netbios", "mailslot", "udp"))).containsExactly("netbios", "udp");
        assertThat(warnings).singleElement().asString().contains("mailslot").contains("Windows");
    }

    @Test
    void udpOptionsComeFromTheSettings() {
        UdpCarrierOptions o = CarrierAssembly.udpOptions(settings(List.of("udp"), List.of("eth0"), "WORKGROUP", true),
                7);
        assertThat(o.port()).isEqualTo(50000);
        assertThat(o.group()).isEqualTo("TEAM1");
        assertThat(o.instanceId()).isEqualTo(7);
        assertThat(o.interfaces()).containsExactly("eth0");
        assertThat(o.extraTargets()).containsExactly("10.1.0.0/16");
    }

    @Test
    void settingsChooseTheNetbiosWorkgroupAndTheNameService() {
        NetbiosCarrierOptions o = CarrierAssembly.netbiosOptions(settings(List.of("netbios"), List.of("eth0"),
                "OFFICE", true));
        assertThat(o.workgroup()).isEqualTo("OFFICE");
        assertThat(o.namePort()).isEqualTo(137);
        assertThat(o.port()).isEqualTo(138);
        assertThat(o.interfaces()).containsExactly("eth0");
        assertThat(CarrierAssembly.netbiosOptions(settings(List.of("netbios"), List.of(), "WORKGROUP", false))
                .namePort()).as("no socket on 137").isZero();
    }

    @Test
    void mailslotOptionsTakeTheGroupAndTheLegacyCodePage() {
        var o = CarrierAssembly.mailslotOptions(settings(List.of("mailslot"), List.of(), "WORKGROUP", true));
        assertThat(o.group()).isEqualTo("TEAM1");
        assertThat(o.charset()).isEqualTo(Charset.forName("windows-1252"));
    }
}
