package org.traytalk.carrier.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /proc parsing against fixture text laid out like Linux's: ours, nmbd's and an unreadable owner's sockets. */
class PortNeighboursTest {
    private static final String HEADER = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
            + "   uid  timeout inode ref pointer drops             \n";
    /** nmbd on 0.0.0.0:137/138 and 10.77.0.1:137/138, TrayTalk on 0.0.0.0:138/137, resolved on 127.0.0.53:53. */
    private static final String UDP = HEADER
            + "  104: 00000000:0089 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 5001 2 0000000000000000 0\n"
            + "  105: 00000000:008A 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 5002 2 0000000000000000 0\n"
            + "  106: 01004D0A:0089 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 5003 2 0000000000000000 0\n"
            + "  107: 01004D0A:008A 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 5004 2 0000000000000000 0\n"
            + "  108: 00000000:008A 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 7001 2 0000000000000000 0\n"
            + "  109: 00000000:0089 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 7002 2 0000000000000000 0\n"
            + "  110: 3500007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0 3333 2 0000000000000000 0\n"
            + "  111: 00000000:A48A 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4444 2 0000000000000000 0\n";
    private static final String UDP6 = "  sl  local_address                         remote_address                        st"
            + " tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
            + "   12: 00000000000000000000000000000000:008A 00000000000000000000000000000000:0000 07 00000000:00000000"
            + " 00:00000000 00000000     0        0 6001 2 0000000000000000 0\n";

    @TempDir
    Path proc;

    private void process(String dir, String comm, long... sockets) throws Exception {
        Path fd = Files.createDirectories(proc.resolve(dir).resolve("fd"));
        Files.createSymbolicLink(fd.resolve("0"), Path.of("pipe:[358689]"));
        for (int i = 0; i < sockets.length; i++) {
            Files.createSymbolicLink(fd.resolve(String.valueOf(3 + i)), Path.of("socket:[" + sockets[i] + "]"));
        }
        if (comm != null) {
            Files.writeString(proc.resolve(dir).resolve("comm"), comm + "\n");
        }
    }

    private void tables(String udp, String udp6) throws Exception {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/udp"), udp);
        if (udp6 != null) {
            Files.writeString(proc.resolve("net/udp6"), udp6);
        }
    }

    @Test
    void parsesTheTableByPort() {
        assertThat(PortNeighbours.socketsOnPort(UDP, 138)).containsExactly(5002L, 5004L, 7001L);
        assertThat(PortNeighbours.socketsOnPort(UDP, 137)).containsExactly(5001L, 5003L, 7002L);
        assertThat(PortNeighbours.socketsOnPort(UDP6, 138)).containsExactly(6001L);
        assertThat(PortNeighbours.socketsOnPort(UDP, 42122)).containsExactly(4444L); // A48A, not 008A
        assertThat(PortNeighbours.socketsOnPort(HEADER + "garbage line\n\n", 138)).isEmpty();
    }

    @Test
    void findsNmbdBesideUsAndNamesIt() throws Exception {
        tables(UDP, UDP6);
        process("self", null, 7001, 7002, 9999);
        process("812", "nmbd", 5001, 5002, 5003, 5004);
        process("901", "avahi-daemon", 6001);
        List<PortNeighbours.Neighbour> others = new PortNeighbours(proc).on(138);
        assertThat(others).extracting(PortNeighbours.Neighbour::program).containsExactly("nmbd", "nmbd", "avahi-daemon");
        assertThat(others.get(0).pid()).isEqualTo(812);
        String warning = PortNeighbours.explain(138, 138, others);
        assertThat(warning).startsWith("Another program also holds UDP 138 here: nmbd (pid 812), avahi-daemon (pid 901).")
                .contains("will not arrive reliably", "systemctl disable --now nmbd", "disable netbios = yes");
        assertThat(PortNeighbours.explain(137, 138, others)).contains("find it by name");
    }

    @Test
    void aloneOnThePortNothingIsFound() throws Exception {
        tables(HEADER + "  108: 00000000:008A 00000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0"
                + " 7001 2 0000000000000000 0\n", null);
        process("self", null, 7001);
        assertThat(new PortNeighbours(proc).on(138)).isEmpty();
    }

    @Test
    void anOwnerThatCannotBeReadIsStillReported() throws Exception {
        tables(UDP, null);
        process("self", null, 7001);
        List<PortNeighbours.Neighbour> others = new PortNeighbours(proc).on(138);
        assertThat(others).extracting(PortNeighbours.Neighbour::inode).containsExactly(5002L, 5004L);
        assertThat(PortNeighbours.explain(138, 138, others)).contains("a program not identified (socket inode 5002)");
    }

    @Test
    void readsTheRealProcAndLeavesOurOwnSocketsOut() throws Exception {
        Path udp = Path.of("/proc/net/udp");
        Assumptions.assumeTrue(Files.isReadable(udp), "no /proc/net/udp: not Linux");
        try (DatagramSocket ours = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Path udp6 = Path.of("/proc/net/udp6"); // Java binds dual-stack where IPv6 is on
            String both = Files.readString(udp) + (Files.isReadable(udp6) ? Files.readString(udp6) : "");
            assertThat(PortNeighbours.socketsOnPort(both, ours.getLocalPort())).hasSize(1);
            assertThat(PortNeighbours.system().on(ours.getLocalPort())).isEmpty();
        }
    }

    @Test
    void withoutProcNothingIsFound() {
        assertThat(new PortNeighbours(proc.resolve("missing")).on(138)).isEmpty();
    }
}
