package org.traytalk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.it.NodeProcess.has;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote mailslot frames on a real (namespace) LAN: ALICE and BOB run only the NetBIOS carrier (UDP 138),
 * CAROL runs UDP and NetBIOS, DAVE only UDP. Frames are also checked with Wireshark's dissector when tshark
 * is installed. WINPC is the FoxPro program on Windows, scripted byte for byte by the test ({@link WindowsFrames}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetbiosLanIT {
    static final Duration EVENT = Duration.ofSeconds(20);
    static final Duration COMMAND = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;
    static LanFixture lan;
    static NodeProcess alice;
    static NodeProcess bob;
    static NodeProcess carol;
    static NodeProcess dave;
    static List<String> inBob;
    static List<String> inDave;
    static List<String> inWin;
    static ScriptedWindows windows;
    static final byte[] WIN_IP = {10, 77, 0, 9};
    static final byte[] ALICE_IP = {10, 77, 0, 1};
    static int windowsDatagramId = 0x2001;

    @RegisterExtension
    static final TestWatcher REPORT = LanFixture.reportOnFailure(() -> NetbiosLanIT.lan);

    @BeforeAll
    static void buildLan() throws Exception {
        lan = LanFixture.create("the NetBIOS LAN test", "tn", tmp);
        alice = lan.node("ALICE", 1, "carriers = netbios");
        bob = lan.node("BOB", 2, "carriers = netbios");
        inBob = bob.commandPrefix();
        carol = lan.node("CAROL", 3, "carriers = udp, netbios");
        dave = lan.node("DAVE", 4, "carriers = udp");
        inDave = dave.commandPrefix();
        inWin = lan.host("win", 9);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (windows != null) {
            windows.close();
        }
        LanFixture.close(lan);
    }

    @Test
    @Order(1)
    void everyoneFindsThePeersItSharesACarrierWith() throws Exception {
        for (NodeProcess n : new NodeProcess[] {alice, bob, carol, dave}) {
            n.startListening();
        }
        alice.await("bob over netbios", l -> has(l, "peer-online", "BOB", "netbios:10.77.0.2"), EVENT);
        alice.await("carol over netbios", l -> has(l, "peer-online", "CAROL", "netbios:10.77.0.3"), EVENT);
        bob.await("alice", l -> has(l, "peer-online", "ALICE"), EVENT);
        carol.await("alice", l -> has(l, "peer-online", "ALICE"), EVENT);
        carol.await("dave over udp", l -> has(l, "peer-online", "DAVE", "udp:10.77.0.4"), EVENT);
        dave.await("carol over udp", l -> has(l, "peer-online", "CAROL", "udp:10.77.0.3"), EVENT);
        assertThat(dave.count(l -> l.contains("ALICE") || l.contains(" BOB"))).isZero();
    }

    @Test
    @Order(2)
    void directMessagesAndReceiptsOverNetbios() throws Exception {
        try (LiveCapture capture = startCapture()) {
            NodeProcess.Result sent = alice.run(COMMAND, "send", "BOB", "über", "NetBIOS");
            assertThat(sent.exitCode()).as(sent.output()).isZero();
            bob.await("the message", l -> has(l, "message-received", "ALICE", "BOB", "über NetBIOS"), EVENT);
            if (capture != null) {
                String hexBody = HexFormat.of().formatHex(" NetBIOS".getBytes(StandardCharsets.US_ASCII));
                capture.await("tshark dissecting ALICE's mailslot write to BOB", l -> l.startsWith("16\t")
                        && l.contains("ALICE<00>") && l.contains("BOB<00>") && l.contains("\\MAILSLOT\\FOXAPP")
                        && l.contains(hexBody), EVENT);
                System.err.println("tshark dissected on bob's eth0 (type, source, destination, smb.cmd, opcode, slot,"
                        + " data):\n" + String.join("\n", capture.lines()));
            }
        }
    }

    @Test
    @Order(3)
    void mixedNodeReachesEachPeerOnItsCarrier() throws Exception {
        NodeProcess.Result toDave = carol.run(COMMAND, "send", "DAVE", "via", "udp");
        assertThat(toDave.exitCode()).as(toDave.output()).isZero();
        dave.await("udp message", l -> has(l, "message-received", "CAROL", "via udp"), EVENT);
        NodeProcess.Result toAlice = carol.run(COMMAND, "send", "ALICE", "via", "netbios");
        assertThat(toAlice.exitCode()).as(toAlice.output()).isZero();
        alice.await("netbios message", l -> has(l, "message-received", "CAROL", "via netbios"), EVENT);
    }

    @Test
    @Order(4)
    void broadcastReachesNetbiosAndUdpPeers() throws Exception {
        NodeProcess.Result sent = carol.run(COMMAND, "send", "*", "everyone", "listen");
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        for (NodeProcess n : new NodeProcess[] {alice, bob, dave}) {
            n.await("the broadcast", l -> has(l, "message-received", "CAROL", "*", "everyone listen"), EVENT);
        }
    }

    @Test
    @Order(5)
    void windowsCanFindUsByName() throws Exception {
        // a Windows computer asks the subnet for ALICE<00> before it writes to \\ALICE\mailslot\FOXAPP
        List<String> probe = new ArrayList<>(inDave);
        probe.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), NameQueryProbe.class.getName(), "ALICE", "10.77.0.255"));
        Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("answer 10.77.0.1 from 10.77.0.1");
    }

    @Test
    @Order(6)
    void aWindowsPeerNeverHeardIsFoundByNameQueryAndGetsExactlyWhatFoxProWrites() throws Exception {
        windows = new ScriptedWindows(inWin);
        windows.answerNameQueries("WINPC", WIN_IP);
        String text = "Hallo Windows, grüß dich";
        // queued at first (exit 3): nobody has heard of WINPC yet
        NodeProcess.Result sent = alice.run(COMMAND, "send", "--wait", "0", "WINPC", "Hallo", "Windows,", "grüß", "dich");
        assertThat(sent.exitCode()).as(sent.output()).isEqualTo(3);

        // WINPC's name service was asked for WINPC<00>, by broadcast, as a Windows client asks, and answered
        RawSockets.Received query = windows.await("a name query for WINPC<00>", 137,
                r -> WindowsFrames.Query.parse(r.bytes()).name().equals("WINPC"), EVENT);
        WindowsFrames.Query q = WindowsFrames.Query.parse(query.bytes());
        assertThat(q.suffix()).isZero();
        assertThat(q.flags()).isEqualTo(0x0110); // query, recursion desired, broadcast
        assertThat(query.fromIp()).isEqualTo("10.77.0.1");

        // then ALICE writes to \\WINPC\mailslot\FOXAPP: a DETECT, which the original answers with ONLINE
        RawSockets.Received detect = windows.await("ALICE's DETECT to WINPC", 138,
                r -> isFromAliceTo(r, "WINPC", "DETECT"), EVENT);
        WindowsFrames.Write d = checkAsWindowsReadsIt(detect, WindowsFrames.DIRECT_UNIQUE, "WINPC");
        assertThat(d.payload()).containsExactly(WindowsFrames.foxMessage("ALICE", d.id(), true, true, "DETECT"));
        fromWindows("10.77.0.1", WindowsFrames.DIRECT_UNIQUE, "ALICE", WindowsFrames.foxMessage("WINPC", 5001, false,
                true, "ONLINE"));
        alice.await("WINPC online", l -> has(l, "peer-online", "WINPC", "netbios:10.77.0.9"), EVENT);

        RawSockets.Received message = windows.await("the message", 138, r -> isFromAliceTo(r, "WINPC", text), EVENT);
        WindowsFrames.Write m = checkAsWindowsReadsIt(message, WindowsFrames.DIRECT_UNIQUE, "WINPC");
        assertThat(m.payload()).containsExactly(WindowsFrames.foxMessage("ALICE", m.id(), true, false, text));
        fromWindows("10.77.0.1", WindowsFrames.DIRECT_UNIQUE, "ALICE", WindowsFrames.foxMessage("WINPC", 5002, false,
                true, "CONF " + m.id()));
        alice.await("the receipt", l -> has(l, "message-updated", String.valueOf(m.id()), "WINPC", "delivered"), EVENT);
    }

    @Test
    @Order(7)
    void aFoxProMessageShowsUpAndItsReceiptIsWhatFoxProExpects() throws Exception {
        String text = "Grüße vom FoxPro-Programm";
        fromWindows("10.77.0.1", WindowsFrames.DIRECT_UNIQUE, "ALICE", WindowsFrames.foxMessage("WINPC", 5003, true,
                false, text));
        alice.await("the FoxPro message", l -> has(l, "message-received", "5003", "WINPC", "ALICE", text), EVENT);
        RawSockets.Received conf = windows.await("CONF 5003", 138, r -> isFromAliceTo(r, "WINPC", "CONF 5003"), EVENT);
        WindowsFrames.Write c = checkAsWindowsReadsIt(conf, WindowsFrames.DIRECT_UNIQUE, "WINPC");
        assertThat(c.payload()).containsExactly(WindowsFrames.foxMessage("ALICE", c.id(), false, true, "CONF 5003"));
        assertThat(alice.count(l -> has(l, "message-received", "5003"))).isEqualTo(1);
    }

    @Test
    @Order(8)
    void aFoxProDetectToEveryoneIsAnsweredOnlineAndOurBroadcastsAreWhatFoxProReads() throws Exception {
        fromWindows("10.77.0.255", WindowsFrames.DIRECT_GROUP, "WORKGROUP", WindowsFrames.foxMessage("WINPC", 5004,
                true, true, "DETECT"));
        RawSockets.Received online = windows.await("ALICE's ONLINE answer", 138,
                r -> isFromAliceTo(r, "WINPC", "ONLINE"), EVENT);
        WindowsFrames.Write o = checkAsWindowsReadsIt(online, WindowsFrames.DIRECT_UNIQUE, "WINPC");
        assertThat(o.payload()).containsExactly(WindowsFrames.foxMessage("ALICE", o.id(), false, true, "ONLINE"));
        // the heartbeat goes to \\*\mailslot\FOXAPP: a group datagram to WORKGROUP<00> on the subnet broadcast
        RawSockets.Received heartbeat = windows.await("ALICE's ONLINE to everyone", 138,
                r -> isFromAliceTo(r, "WORKGROUP", "ONLINE"), EVENT);
        WindowsFrames.Write h = checkAsWindowsReadsIt(heartbeat, WindowsFrames.DIRECT_GROUP, "WORKGROUP");
        assertThat(h.payload()).containsExactly(WindowsFrames.foxMessage("ALICE", h.id(), false, true, "ONLINE"));
    }

    private static void fromWindows(String toIp, int type, String destination, byte[] payload) throws Exception {
        windows.send(138, toIp, 138, WindowsFrames.mailslotWrite(type, windowsDatagramId++, WIN_IP, "WINPC",
                destination, payload));
    }

    private static boolean isFromAliceTo(RawSockets.Received r, String destination, String body) {
        WindowsFrames.Write w = WindowsFrames.Write.parse(r.bytes());
        return r.fromIp().equals("10.77.0.1") && w.destination().equals(destination) && w.body().equals(body);
    }

    /** Every header field a Windows receiver (RFC 1002, [MS-MAIL]) checks before it hands the payload over. */
    private static WindowsFrames.Write checkAsWindowsReadsIt(RawSockets.Received r, int type, String destination) {
        WindowsFrames.Write w = WindowsFrames.Write.parse(r.bytes());
        assertThat(r.fromPort()).as("UDP source port").isEqualTo(138);
        assertThat(w.type()).as("message type").isEqualTo(type);
        assertThat(w.flags() & 0x03).as("first fragment, no more").isEqualTo(0x02);
        assertThat(w.sourceIp()).as("source IP").containsExactly(ALICE_IP);
        assertThat(w.sourcePort()).as("source port").isEqualTo(138);
        assertThat(w.datagramLength()).as("datagram length").isEqualTo(w.length() - 14);
        assertThat(w.packetOffset()).as("packet offset").isZero();
        assertThat(w.source()).as("source name").isEqualTo("ALICE");
        assertThat(w.destination()).as("destination name").isEqualTo(destination);
        assertThat(w.smbSignature()).as("SMB signature").isTrue();
        assertThat(w.command()).as("SMB_COM_TRANSACTION").isEqualTo(0x25);
        assertThat(w.wordCount()).as("word count").isEqualTo(17);
        assertThat(w.setupCount()).as("setup count").isEqualTo(3);
        assertThat(w.opcode()).as("mailslot write").isEqualTo(1);
        assertThat(w.mailslotClass()).as("second class").isEqualTo(2);
        assertThat(w.slot()).as("mailslot name").isEqualToIgnoringCase(WindowsFrames.SLOT);
        assertThat(w.dataOffset()).as("data offset").isEqualTo(WindowsFrames.DATA_OFFSET);
        assertThat(w.totalDataCount()).as("total data count").isEqualTo(w.dataCount());
        assertThat(w.length()).as("frame length").isEqualTo(WindowsFrames.SMB_AT + w.dataOffset() + w.dataCount());
        assertThat(w.dataCount()).as("fits the original's 250-byte slot").isBetween(38, 250);
        return w;
    }

    /** tshark in bob's namespace, dissecting the mailslot frames on UDP 138 as they pass; null without tshark. */
    private static LiveCapture startCapture() throws Exception {
        if (!LanFixture.onPath("tshark")) {
            System.err.println("tshark not installed: skipping the dissector check");
            return null;
        }
        List<String> tshark = new ArrayList<>(inBob);
        tshark.addAll(List.of("tshark", "-i", "eth0", "-f", "udp port 138", "-l", "-Y", "mailslot", "-T", "fields",
                "-e", "nbdgm.type", "-e", "nbdgm.source_name", "-e", "nbdgm.destination_name", "-e", "smb.cmd",
                "-e", "mailslot.opcode", "-e", "mailslot.name", "-e", "data.data"));
        LiveCapture capture = new LiveCapture(new ProcessBuilder(tshark).redirectErrorStream(true).start());
        capture.await("tshark listening", l -> l.contains("Capturing on"), EVENT);
        return capture;
    }

    /** A running capture and every line it printed, read as it prints them. */
    private static final class LiveCapture implements AutoCloseable {
        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        LiveCapture(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException ended) {
                    // the capture stopped
                }
            }, "it-tshark");
            reader.setDaemon(true);
            reader.start();
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        void await(String what, Predicate<String> match, Duration timeout) {
            Eventually.until(what, timeout, Duration.ofMillis(100), () -> lines.stream().anyMatch(match),
                    () -> "tshark printed:\n" + String.join("\n", lines));
        }

        /** Stops tshark; interrupted while waiting for it to end, it keeps the interrupt for the caller. */
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
