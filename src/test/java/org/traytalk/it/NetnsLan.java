package org.traytalk.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away LAN made of network namespaces: one "switch" namespace holding a bridge, and one namespace
 * per host with a veth link to it and an address 10.77.0.x/24. Nothing is created in the machine's own
 * namespace, so nothing a test sends can reach the machine's real network. {@link #close} removes it all.
 */
public final class NetnsLan implements AutoCloseable {
    private final String prefix;
    private final List<String> namespaces = new ArrayList<>();
    private final Map<String, String> bridgePorts = new HashMap<>();
    /** The machine's neighbour table limits before {@link #makeRoomForNeighbours} raised them, to put back. */
    private final Map<Path, String> neighbourLimitsBefore = new LinkedHashMap<>();

    private NetnsLan(String prefix) {
        this.prefix = prefix;
    }

    /** Why namespaces cannot be used here, or null when they can. */
    public static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "network namespace tests need root (run as root, as CI does)";
        }
        try {
            Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "'ip netns list' failed";
            }
        } catch (IOException e) {
            return "the 'ip' command (iproute2) is not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    public static NetnsLan create(String prefix) throws IOException {
        NetnsLan lan = new NetnsLan(prefix);
        try {
            lan.ns("sw");
            run("ip", "-n", lan.name("sw"), "link", "add", "br0", "type", "bridge");
            run("ip", "-n", lan.name("sw"), "link", "set", "br0", "up");
            run("ip", "-n", lan.name("sw"), "link", "set", "lo", "up");
        } catch (IOException | RuntimeException e) {
            lan.close();
            throw e;
        }
        return lan;
    }

    /** Adds a host namespace with eth0 = 10.77.0.{octet}/24 on the bridge; returns the namespace name. */
    public String addHost(String host, int octet) throws IOException {
        return addHost(host, "10.77.0." + octet + "/24", "10.77.0.255", prefix + host.charAt(0) + octet);
    }

    /**
     * Adds a host namespace with eth0 = {@code cidr} (10.77.0.1/16, for a LAN larger than 254 hosts) and that
     * broadcast address on the bridge; returns the namespace name.
     */
    public String addHost(String host, String cidr, String broadcast) throws IOException {
        return addHost(host, cidr, broadcast, prefix + host.charAt(0) + "p" + bridgePorts.size());
    }

    private String addHost(String host, String cidr, String broadcast, String port) throws IOException {
        String ns = ns(host);
        run("ip", "link", "add", "eth0", "netns", ns, "type", "veth", "peer", "name", port, "netns", name("sw"));
        run("ip", "-n", name("sw"), "link", "set", port, "master", "br0");
        run("ip", "-n", name("sw"), "link", "set", port, "up");
        run("ip", "-n", ns, "addr", "add", cidr, "brd", broadcast, "dev", "eth0");
        run("ip", "-n", ns, "link", "set", "eth0", "up");
        run("ip", "-n", ns, "link", "set", "lo", "up");
        bridgePorts.put(host, port);
        return ns;
    }

    /** More addresses on the host's eth0 ({@code 10.77.3.7/16}, ...), added in one batch: one program, many hosts. */
    public void addAddresses(String ns, List<String> cidrs) throws IOException {
        Path batch = Files.createTempFile("netns-addresses", ".txt");
        try {
            Files.write(batch, cidrs.stream().map(c -> "addr add " + c + " dev eth0").toList());
            run("ip", "-n", ns, "-batch", batch.toString());
        } finally {
            Files.delete(batch);
        }
    }

    /** Takes the host's cable out of the switch: its interface stays up, but nothing gets through either way. */
    void unplug(String host) throws IOException {
        run("ip", "-n", name("sw"), "link", "set", port(host), "nomaster");
    }

    /** Puts the host's cable back into the switch. */
    void plugIn(String host) throws IOException {
        run("ip", "-n", name("sw"), "link", "set", port(host), "master", "br0");
    }

    /** The command prefix that runs a program in the switch's namespace, where br0 sees every frame on the LAN. */
    List<String> onSwitch() {
        return exec(name("sw"));
    }

    private String port(String host) {
        String port = bridgePorts.get(host);
        if (port == null) {
            throw new IllegalArgumentException("no host " + host + " on this LAN");
        }
        return port;
    }

    private String ns(String suffix) throws IOException {
        String ns = name(suffix);
        run("ip", "netns", "add", ns);
        namespaces.add(ns);
        return ns;
    }

    private String name(String suffix) {
        return prefix + "-" + suffix;
    }

    /** The command prefix that runs a program inside the host's namespace. */
    public List<String> exec(String ns) {
        return List.of("ip", "netns", "exec", ns);
    }

    public static void run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Makes room for {@code entries} ARP entries on this LAN in all. The kernel keeps one neighbour table for all
     * namespaces, and past its {@code gc_thresh3} (1,024 by default) a datagram to a neighbour not in the table yet
     * is dropped with ENOBUFS, which a UDP send does not report (the kernel counts it as {@code SndbufErrors}): 50
     * hosts that each talk to the 49 others need 2,450 entries, and lost 59 % of their sends. A real office has a
     * table per PC. The limits are the machine's own: {@link #close} puts them back.
     */
    public void makeRoomForNeighbours(int entries) throws IOException {
        Path thresholds = Path.of("/proc/sys/net/ipv4/neigh/default");
        Path soft = thresholds.resolve("gc_thresh2");
        Path hard = thresholds.resolve("gc_thresh3");
        if (Integer.parseInt(setting(hard)) >= 2 * entries) {
            return;
        }
        for (Path limit : List.of(soft, hard)) {
            neighbourLimitsBefore.putIfAbsent(limit, setting(limit));
        }
        set(hard, Integer.toString(2 * entries)); // the hard limit first: soft must stay below it
        set(soft, Integer.toString(entries + entries / 2));
    }

    /**
     * A kernel setting under /proc/sys. Not {@code Files.readString}: it reads such a file (size 0) as its first
     * character only, "1" for 1024, and once put back the machine's limits as 5 and 1.
     */
    private static String setting(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() != 1 || !lines.get(0).strip().matches("\\d+")) {
            throw new IOException(file + " holds " + lines + ", not one number");
        }
        return lines.get(0).strip();
    }

    /** Writes a kernel setting and reads it back: a value that did not take is an error, not a silent change. */
    private static void set(Path file, String value) throws IOException {
        Files.writeString(file, value);
        if (!setting(file).equals(value)) {
            throw new IOException(file + " reads " + setting(file) + " after " + value + " was written to it");
        }
    }

    @Override
    public void close() {
        List<Path> limits = new ArrayList<>(neighbourLimitsBefore.keySet());
        for (Path limit : limits) { // the soft limit first, so that it never stands above the hard one
            try {
                set(limit, neighbourLimitsBefore.get(limit));
            } catch (IOException e) {
                System.err.println("Could not put " + limit + " back to " + neighbourLimitsBefore.get(limit) + ": "
                        + e.getMessage());
            }
        }
        neighbourLimitsBefore.clear();
        for (int i = namespaces.size() - 1; i >= 0; i--) {
            try {
                run("ip", "netns", "del", namespaces.get(i));
            } catch (IOException e) {
                System.err.println("Could not remove namespace: " + e.getMessage());
            }
        }
        namespaces.clear();
    }
}
