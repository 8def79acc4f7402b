package org.traytalk.carrier.udp;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a {@link UdpCarrier} runs.
 *
 * @param port          UDP port to bind and to send "everyone" datagrams to; 0 binds any free port (tests)
 * @param group         group name, 1..64 printable ASCII characters, compared case-insensitively
 * @param instanceId    this process's random id, never 0 (see {@link #newInstanceId})
 * @param interfaces    interface names to use; empty means every up non-loopback IPv4 interface
 * @param extraTargets  extra "everyone" destinations: {@code host}, {@code host:port} or {@code a.b.c.d/n}
 * @param watchInterval how often to look for changed local addresses; zero or negative turns the watch off
 */
public record UdpCarrierOptions(int port, String group, long instanceId, List<String> interfaces,
                                List<String> extraTargets, Duration watchInterval) {

    /** A look costs an idle TrayTalk most of a millisecond of CPU (one every 3 s was a third of its idle CPU). */
    public static final Duration DEFAULT_WATCH_INTERVAL = Duration.ofSeconds(10);

    public UdpCarrierOptions {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(watchInterval, "watchInterval");
        interfaces = List.copyOf(interfaces);
        extraTargets = List.copyOf(extraTargets);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("UDP port " + port + " outside 0..65535");
        }
        if (group.isEmpty() || group.length() > 64 || !group.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("group name must be 1..64 printable ASCII characters: " + group);
        }
        if (instanceId == 0) {
            throw new IllegalArgumentException("instance id must not be 0");
        }
        extraTargets.forEach(ExtraTarget::parse); // fail at configuration time, not at the first send
    }

    public UdpCarrierOptions(int port, String group, long instanceId, List<String> interfaces,
                             List<String> extraTargets) {
        this(port, group, instanceId, interfaces, extraTargets, DEFAULT_WATCH_INTERVAL);
    }

    /** A fresh random instance id for one process start; never 0. */
    public static long newInstanceId(RandomGenerator random) {
        long id;
        do {
            id = random.nextLong();
        } while (id == 0);
        return id;
    }

    List<ExtraTarget> parsedTargets() {
        return extraTargets.stream().map(ExtraTarget::parse).toList();
    }
}
