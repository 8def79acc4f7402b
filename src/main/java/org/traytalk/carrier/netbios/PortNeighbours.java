package org.traytalk.carrier.netbios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Other programs' sockets on our UDP ports, read from Linux's /proc. With SO_REUSEADDR our bind succeeds beside
 * Samba's nmbd, but datagrams addressed to this computer then go to only one of us, so it has to be found.
 * Where /proc is missing (macOS, Windows) nothing is found.
 */
final class PortNeighbours {

    /** A socket bound to the port that is not ours; {@code program} is null when its owner cannot be read. */
    record Neighbour(long inode, String program, long pid) {
    }

    private final Path proc;

    /** {@code proc} is /proc, or a folder laid out like it in tests. */
    PortNeighbours(Path proc) {
        this.proc = proc;
    }

    static PortNeighbours system() {
        return new PortNeighbours(Path.of("/proc"));
    }

    /** Sockets bound to UDP {@code port} (IPv4 or IPv6, any local address) held by other processes. */
    List<Neighbour> on(int port) {
        Set<Long> bound = new LinkedHashSet<>();
        for (String table : List.of("udp", "udp6")) {
            Path file = proc.resolve("net").resolve(table);
            try {
                if (Files.isReadable(file)) {
                    bound.addAll(socketsOnPort(Files.readString(file), port));
                }
            } catch (IOException e) {
                // unreadable: nothing to report
            }
        }
        bound.removeAll(socketsOf(proc.resolve("self")));
        List<Neighbour> out = new ArrayList<>();
        for (long inode : bound) {
            out.add(owner(inode));
        }
        return out;
    }

    /** What the user should know and do when others share our datagram (138) or name (137) port. */
    static String explain(int port, int datagramPort, List<Neighbour> others) {
        String who = others.stream().map(n -> n.program() == null ? "a program not identified (socket inode "
                + n.inode() + ")" : n.program() + " (pid " + n.pid() + ")").distinct()
                .collect(Collectors.joining(", "));
        String effect = port == datagramPort
                ? "Broadcasts still reach TrayTalk, but NetBIOS datagrams addressed to this computer (direct messages"
                        + " and receipts from Windows and other NetBIOS peers) reach only one of the programs, so they"
                        + " will not arrive reliably."
                : "Broadcast name queries reach both, but queries sent straight to this computer reach only one, so"
                        + " Windows may not always find it by name.";
        return "Another program also holds UDP " + port + " here: " + who + ". " + effect + " If it is Samba's nmbd,"
                + " stop it (systemctl disable --now nmbd) or set \"disable netbios = yes\" in the [global] section of"
                + " smb.conf, which keeps nmbd from starting (Windows then finds the Samba shares by DNS, not by"
                + " NetBIOS name); then restart TrayTalk.";
    }

    /** The inodes of the sockets a /proc/net/udp or udp6 table lists as bound to {@code port}. */
    static Set<Long> socketsOnPort(String table, int port) {
        Set<Long> inodes = new LinkedHashSet<>();
        String wanted = String.format(Locale.ROOT, ":%04X", port);
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[0].endsWith(":")) {
                continue; // the header, or a line this parser does not know
            }
            if (f[1].toUpperCase(Locale.ROOT).endsWith(wanted)) {
                try {
                    inodes.add(Long.parseLong(f[9]));
                } catch (NumberFormatException ignored) {
                    // not a table row after all
                }
            }
        }
        inodes.remove(0L); // 0: no inode to match against
        return inodes;
    }

    /** Socket inodes among a process's open files: links named {@code socket:[inode]} in its fd folder. */
    private static Set<Long> socketsOf(Path process) {
        Set<Long> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException | UnsupportedOperationException e) {
                    continue; // closed meanwhile, or not a link
                }
                if (target.startsWith("socket:[") && target.endsWith("]")) {
                    inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // another user's process (no permission) or gone
        }
        return inodes;
    }

    /** Which process holds the socket, when its fd folder is readable (always for root). */
    private Neighbour owner(long inode) {
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && socketsOf(p).contains(inode)) {
                    return new Neighbour(inode, Files.readString(p.resolve("comm")).trim(), Long.parseLong(name));
                }
            }
        } catch (IOException | RuntimeException e) {
            // owner unknown
        }
        return new Neighbour(inode, null, -1);
    }
}
