package org.traytalk.carrier.udp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.net.LocalAddress;
import org.traytalk.carrier.net.Subnet;

/**
 * Where "everyone" datagrams go and whose datagrams are accepted, computed from one snapshot of the
 * local addresses. Pure apart from resolving extra target host names for the source filter.
 *
 * @param selected        the local addresses in use
 * @param destinations    every "everyone" destination, without duplicates
 * @param filtering       an interface filter is set, so sources are checked
 * @param acceptedSubnets with filtering: subnets whose hosts may send to us
 * @param acceptedHosts   with filtering: extra target hosts that may send to us
 */
record TargetPlan(List<LocalAddress> selected, List<Destination> destinations, boolean filtering,
                  List<Subnet> acceptedSubnets, Set<InetAddress> acceptedHosts) {

    private static final Logger LOG = LoggerFactory.getLogger(TargetPlan.class);
    static final String LIMITED_BROADCAST = "255.255.255.255";

    /** A datagram destination; {@code host} is an IPv4 literal or a name resolved at send time. */
    record Destination(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    static TargetPlan compute(List<LocalAddress> up, List<String> interfaceFilter, List<ExtraTarget> extras,
                              int port, HostResolver resolver) {
        boolean filtering = !interfaceFilter.isEmpty();
        List<LocalAddress> selected = up.stream()
                .filter(a -> filtering ? interfaceFilter.stream().anyMatch(a.interfaceName()::equalsIgnoreCase)
                        : !a.loopback())
                .toList();
        Set<Destination> destinations = new LinkedHashSet<>();
        List<Subnet> subnets = new ArrayList<>();
        for (LocalAddress a : selected) {
            subnets.add(a.subnet());
            if (a.broadcast() != null) {
                destinations.add(new Destination(a.broadcast().getHostAddress(), port));
            }
        }
        if (!filtering) {
            destinations.add(new Destination(LIMITED_BROADCAST, port)); // would leave through every interface
        }
        Set<InetAddress> hosts = new LinkedHashSet<>();
        for (ExtraTarget target : extras) {
            if (target instanceof ExtraTarget.Host h) {
                destinations.add(new Destination(h.host(), h.port() == 0 ? port : h.port()));
                if (filtering) {
                    resolveInto(hosts, h.host(), resolver);
                }
            } else if (target instanceof ExtraTarget.SubnetBroadcast s) {
                destinations.add(new Destination(s.subnet().broadcast().getHostAddress(), port));
                subnets.add(s.subnet());
            }
        }
        return new TargetPlan(selected, List.copyOf(destinations), filtering,
                filtering ? List.copyOf(subnets) : List.of(), Set.copyOf(hosts));
    }

    private static void resolveInto(Set<InetAddress> hosts, String host, HostResolver resolver) {
        try {
            hosts.add(resolver.resolve(host));
        } catch (UnknownHostException e) {
            LOG.warn("UDP target {} does not resolve; datagrams from it are not accepted until it does", host);
        }
    }

    boolean acceptsSource(InetAddress source) {
        return !filtering || acceptedHosts.contains(source)
                || acceptedSubnets.stream().anyMatch(s -> s.contains(source));
    }
}
