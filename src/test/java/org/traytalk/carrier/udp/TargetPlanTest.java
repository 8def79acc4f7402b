package org.traytalk.carrier.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.carrier.net.LocalAddress;
import org.traytalk.carrier.net.Subnet;

class TargetPlanTest {

    static final LocalAddress LO = address("lo", "127.0.0.1", 8, null, true);
    static final LocalAddress ETH0 = address("eth0", "192.168.1.20", 24, "192.168.1.255", false);
    static final LocalAddress WLAN0 = address("wlan0", "10.1.2.3", 16, "10.1.255.255", false);
    static final LocalAddress VPN = address("tun0", "172.16.0.5", 32, null, false);
    static final List<LocalAddress> UP = List.of(LO, ETH0, WLAN0, VPN);

    /** Resolves one made-up name and IPv4 literals; never touches DNS. */
    static final HostResolver RESOLVER = host -> {
        if (host.equals("bob.lan")) {
            return InetAddress.getByName("192.168.7.7");
        }
        if (Subnet.isIpv4Literal(host)) {
            return Subnet.parseIpv4(host);
        }
        throw new UnknownHostException(host);
    };

    @Test
    void withoutFilterUsesEveryNonLoopbackBroadcastAndTheLimitedBroadcast() {
        TargetPlan plan = plan(List.of(), List.of());
        assertThat(plan.selected()).containsExactly(ETH0, WLAN0, VPN);
        assertThat(destinations(plan)).containsExactly("192.168.1.255:42138", "10.1.255.255:42138",
                "255.255.255.255:42138");
        assertThat(plan.filtering()).isFalse();
    }

    @Test
    void filterSelectsNamedInterfacesOnlyAndDropsTheLimitedBroadcast() {
        TargetPlan plan = plan(List.of("ETH0"), List.of());
        assertThat(plan.selected()).containsExactly(ETH0);
        assertThat(destinations(plan)).containsExactly("192.168.1.255:42138");
    }

    @Test
    void loopbackIsUsedOnlyWhenNamed() {
        assertThat(plan(List.of("lo"), List.of()).selected()).containsExactly(LO);
        assertThat(plan(List.of("lo"), List.of()).destinations()).isEmpty(); // loopback has no broadcast address
    }

    @Test
    void unknownInterfaceNameSelectsNothing() {
        TargetPlan plan = plan(List.of("eth7"), List.of());
        assertThat(plan.selected()).isEmpty();
        assertThat(plan.destinations()).isEmpty();
    }

    @Test
    void extraTargetsAddHostsPortsAndSubnetBroadcasts() {
        TargetPlan plan = plan(List.of("eth0"), List.of("bob.lan", "10.0.0.9:5000", "10.20.0.0/16", "10.30.1.7/24"));
        assertThat(destinations(plan)).containsExactly("192.168.1.255:42138", "bob.lan:42138", "10.0.0.9:5000",
                "10.20.255.255:42138", "10.30.1.255:42138");
    }

    @Test
    void duplicateDestinationsAreSentOnce() {
        TargetPlan plan = plan(List.of(), List.of("192.168.1.0/24", "255.255.255.255"));
        assertThat(destinations(plan)).containsExactly("192.168.1.255:42138", "10.1.255.255:42138",
                "255.255.255.255:42138");
    }

    @Test
    void withoutFilterEverySourceIsAccepted() throws Exception {
        TargetPlan plan = plan(List.of(), List.of());
        assertThat(plan.acceptsSource(InetAddress.getByName("8.8.8.8"))).isTrue();
    }

    @Test
    void withFilterOnlySelectedSubnetsAndExtraTargetsAreAccepted() throws Exception {
        TargetPlan plan = plan(List.of("eth0"), List.of("bob.lan", "10.0.0.9:5000", "10.20.0.0/16", "nosuch.lan"));
        assertThat(plan.acceptsSource(ip("192.168.1.77"))).isTrue();   // eth0's subnet
        assertThat(plan.acceptsSource(ip("192.168.7.7"))).isTrue();    // bob.lan
        assertThat(plan.acceptsSource(ip("10.0.0.9"))).isTrue();       // host:port target
        assertThat(plan.acceptsSource(ip("10.20.200.1"))).isTrue();    // subnet target
        assertThat(plan.acceptsSource(ip("10.1.2.4"))).isFalse();      // wlan0 is not selected
        assertThat(plan.acceptsSource(ip("192.168.2.1"))).isFalse();
        assertThat(plan.acceptsSource(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void subnetMathCoversTheEdges() {
        assertThat(Subnet.parse("10.1.2.3/0").broadcast()).isEqualTo(ip("255.255.255.255"));
        assertThat(Subnet.parse("10.1.2.3/32").broadcast()).isEqualTo(ip("10.1.2.3"));
        assertThat(Subnet.parse("10.1.2.3/31").broadcast()).isEqualTo(ip("10.1.2.3"));
        assertThat(Subnet.parse("10.1.2.3/9").broadcast()).isEqualTo(ip("10.127.255.255"));
        assertThat(Subnet.parse("10.1.2.3/8").contains(ip("10.255.0.1"))).isTrue();
        assertThat(Subnet.parse("10.1.2.3/8").contains(ip("11.0.0.1"))).isFalse();
    }

    private static TargetPlan plan(List<String> filter, List<String> extras) {
        return TargetPlan.compute(UP, filter, extras.stream().map(ExtraTarget::parse).toList(), 42138, RESOLVER);
    }

    private static List<String> destinations(TargetPlan plan) {
        return plan.destinations().stream().map(TargetPlan.Destination::toString).toList();
    }

    static Inet4Address ip(String dotted) {
        return Subnet.parseIpv4(dotted);
    }

    static LocalAddress address(String name, String ip, int prefix, String broadcast, boolean loopback) {
        return new LocalAddress(name, ip(ip), prefix, broadcast == null ? null : ip(broadcast), loopback);
    }
}
