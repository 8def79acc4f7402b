package org.traytalk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.traytalk.it.NodeProcess.has;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.model.PeerKey;
import org.traytalk.secure.GroupSecrets;
import org.traytalk.testing.Plaintext;
import org.traytalk.wire.secure.Announcement;
import org.traytalk.wire.secure.AnnouncementFrame;
import org.traytalk.wire.secure.HandshakeInit;
import org.traytalk.wire.secure.HandshakeReply;

/**
 * ALICE (TrayTalk's UDP and the original program's NetBIOS carrier) and BOB on the namespace LAN, and an attacker's
 * laptop beside them with a TrayTalk of its own calling itself BOB (a fresh identity) and ordinary sockets
 * ({@link HostileLaptop}), while tshark on the switch's bridge captures every frame (more than a switched port would
 * see). Each attack must fail: forged senders, a roster hijack with forged receipts, forged goodbyes, pre-empted ids,
 * replays of everything captured, and BOB's recorded presence played to ALICE after she restarted while BOB is
 * stopped; the capture holds no message text and no receipt, and the nodes' logs count every refusal. After each attack the laptop sends a message under its own name ({@link #fence}): once ALICE shows it, she
 * has handled everything sent before it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackIT {
    @RegisterExtension
    static final TestWatcher REPORT = LanFixture.reportOnFailure(() -> AttackIT.lan);

    static final Duration EVENT = Duration.ofSeconds(20);
    static final Duration COMMAND = Duration.ofSeconds(60);
    static final String ALICE_IP = "10.77.0.1";
    static final String BOB_IP = "10.77.0.2";
    static final String ATTACKER_IP = "10.77.0.9";
    static final String EVERYONE = "10.77.0.255";
    /** What the nodes send: the attacker's raw sockets' own forgeries are left out (they hold "CONF" on purpose). */
    static final String WHAT_NODES_SEND = "udp and not (src host " + ATTACKER_IP + " and (src port "
            + HostileLaptop.RAW_PORT + " or src port " + HostileLaptop.NETBIOS_PORT + "))";

    static final String HELLO = "hello bob, the door code is 4711";
    static final String HI = "hi alice, the safe code is 0815";
    static final String IMPOSTOR = "Bob here, my new account number is 666";
    static final String FORGED = "Bob here too, pay to 777";
    static final String HIJACKED = "the payroll file is on share X";
    static final String PRE_EMPTED = "ignore my next message";
    static final String REAL = "this is the real Bob";

    @TempDir
    static Path tmp;
    static LanFixture lan;
    static NodeProcess alice;
    static NodeProcess bob;
    static NodeProcess impostor;
    static HostileLaptop laptop;
    static BridgeCapture exchange;
    static BridgeCapture afterReplays;
    static PeerKey aliceKey;
    static PeerKey bobKey;
    static int fences;
    static long replayedToAlice;
    static long replayedToBob;
    /** Replayed to BOB but sent first while he was unplugged: he never had them, so they need not be refused. */
    static long missedByBob;
    /** What was replayed, by receiver, destination and frame type: says which kind went uncounted if one does. */
    static Map<String, Long> replayedKinds;

    @BeforeAll
    static void buildLan() throws Exception {
        lan = LanFixture.create("the attack test", "ta", tmp);
        assumeTrue(LanFixture.onPath("tshark"), "Skipping the attack test: no tshark for the attacker's capture");
        String failLate = "delivery.fail.after.minutes = 60";
        alice = lan.node("ALICE", 1, failLate, "carriers = udp, netbios");
        bob = lan.node("BOB", 2, failLate);
        impostor = lan.node("BOB", "attacker", 9, failLate);
        exchange = BridgeCapture.start(lan.onSwitch(), tmp.resolve("exchange.pcap"), WHAT_NODES_SEND);
        laptop = new HostileLaptop(impostor.commandPrefix(), ATTACKER_IP);
    }

    @AfterAll
    static void tearDown() {
        if (laptop != null) {
            laptop.close();
        }
        if (exchange != null) {
            exchange.close();
        }
        if (afterReplays != null) {
            afterReplays.close();
        }
        LanFixture.close(lan);
    }

    @Test
    @Order(1)
    void aliceAndBobMeetAndTalk() throws Exception {
        alice.startListening();
        bob.startListening();
        alice.await("bob", l -> has(l, "peer-online", "BOB", "udp:" + BOB_IP), EVENT);
        bob.await("alice", l -> has(l, "peer-online", "ALICE", "udp:" + ALICE_IP), EVENT);
        assertDelivered(alice.run(COMMAND, "send", "BOB", HELLO));
        assertDelivered(bob.run(COMMAND, "send", "ALICE", HI));
        aliceKey = laptop.learnKey(ALICE_IP);
        bobKey = laptop.learnKey(BOB_IP);
    }

    @Test
    @Order(2)
    void aForgedSenderNeverShowsInAlicesConversationWithBob() throws Exception {
        impostor.startListening();
        impostor.await("alice, who answers anybody's DETECT", l -> has(l, "peer-online", "ALICE"), EVENT);
        NodeProcess.Result sent = impostor.run(COMMAND, "send", "--wait", "2", "ALICE", IMPOSTOR);
        assertThat(sent.exitCode()).as("ALICE never confirms the impostor: " + sent.output()).isEqualTo(3);
        laptop.claim(ALICE_IP, "ALICE", aliceKey, "BOB", 7001, false, FORGED);
        for (byte[] junk : Forgeries.junk()) {
            laptop.sendUdp(ALICE_IP, HostileLaptop.TRAYTALK_PORT, junk);
        }
        fence(alice, ALICE_IP, aliceKey);

        assertThat(alice.lines()).filteredOn(l -> has(l, "message-received") && l.contains(" BOB "))
                .singleElement().satisfies(l -> assertThat(l).endsWith(HI));
        String history = alice.run(COMMAND, "history", "--peer", "BOB").output();
        assertThat(history).contains(HELLO, HI).doesNotContain(IMPOSTOR, FORGED);
        assertThat(alice.run(COMMAND, "history").output()).doesNotContain(IMPOSTOR, FORGED);
        // both identities that used BOB's name are listed, their messages held apart
        String trust = alice.run(COMMAND, "trust").output();
        String bobCode = fingerprint(bob);
        assertThat(trust).contains("BOB: known as " + bobCode + ", turned up as " + fingerprint(impostor))
                .contains("BOB: known as " + bobCode + ", turned up as " + laptop.identity().publicKey().fingerprint());
        assertThat(trust.lines().filter(l -> l.startsWith("BOB: ")))
                .hasSize(2).allMatch(l -> l.endsWith(", 1 message held)"));
    }

    @Test
    @Order(3)
    void aRosterHijackWithForgedReceiptsConfirmsNothingOnlyTheRealBobDoes() throws Exception {
        int from = alice.lines().size();
        String id = lan.whileUnplugged("bob", () -> {
            CompletableFuture<NodeProcess.Result> send = CompletableFuture.supplyAsync(() -> run(alice, "send",
                    "--wait", "4", "BOB", HIJACKED));
            String sent = awaitNew(alice, from, "ALICE's message to BOB", l -> has(l, "message-updated", "BOB"))
                    .split(" ")[2];
            // the attacker even knows the id (it cannot): receipts for it in every form, while BOB cannot answer
            laptop.claim(ALICE_IP, "ALICE", aliceKey, "BOB", 7002, true, "CONF " + sent);
            fence(alice, ALICE_IP, aliceKey);
            NodeProcess.Result result = send.join();
            assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
            assertThat(result.output()).doesNotContain("delivered");
            assertThat(alice.lines()).noneMatch(l -> has(l, "message-updated", sent, "delivered"));
            assertThat(bobInPeersOf(alice)).contains("online", "udp:" + BOB_IP + ":");
            return sent;
        });
        bob.await("the text, from ALICE", l -> has(l, "message-received", id, "ALICE", "BOB", HIJACKED), EVENT);
        alice.await("the real BOB's receipt", l -> has(l, "message-updated", id, "BOB", "delivered"), EVENT);
        assertThat(bob.run(COMMAND, "history", "--peer", "ALICE").output()).contains(HIJACKED);
        assertThat(impostor.lines()).noneMatch(l -> l.contains(HIJACKED));
    }

    @Test
    @Order(4)
    void forgedGoodbyesLeaveBobOnline() throws Exception {
        impostor.stop(); // its own OFFLINE, signed by its own key, under BOB's name
        laptop.claim(ALICE_IP, "ALICE", aliceKey, "BOB", 7003, true, "OFFLINE");
        GroupSecrets group = laptop.group();
        for (byte[] goodbye : List.of(
                laptop.announcement(Announcement.Kind.OFFLINE, "BOB"),
                Forgeries.announcement(Announcement.Kind.OFFLINE, "BOB", bobKey, laptop.identity(), group),
                Forgeries.announcement(Announcement.Kind.OFFLINE, "BOB", bobKey, laptop.identity(),
                        GroupSecrets.derive("OTHERS", null)))) {
            laptop.sendUdp(ALICE_IP, HostileLaptop.TRAYTALK_PORT, goodbye);
            laptop.sendUdp(EVERYONE, HostileLaptop.TRAYTALK_PORT, goodbye);
        }
        fence(alice, ALICE_IP, aliceKey);
        assertThat(alice.lines()).noneMatch(l -> has(l, "peer-offline", "BOB"));
        assertThat(bobInPeersOf(alice)).contains("online", "udp:" + BOB_IP + ":");
    }

    @Test
    @Order(5)
    void preEmptedIdsDoNotSwallowBobsRealMessage() throws Exception {
        int from = bob.lines().size();
        String id = lan.whileUnplugged("bob", () -> {
            CompletableFuture<NodeProcess.Result> send = CompletableFuture.supplyAsync(() -> run(bob, "send",
                    "--wait", "1", "ALICE", REAL));
            String next = awaitNew(bob, from, "BOB's message to ALICE", l -> has(l, "message-updated", "ALICE"))
                    .split(" ")[2];
            // the id BOB is about to deliver, sent first under BOB's name in every form
            laptop.claim(ALICE_IP, "ALICE", aliceKey, "BOB", Integer.parseInt(next), false, PRE_EMPTED);
            fence(alice, ALICE_IP, aliceKey);
            send.join();
            return next;
        });
        alice.await("BOB's real message", l -> has(l, "message-received", id, "BOB", "ALICE", REAL), EVENT);
        bob.await("its receipt", l -> has(l, "message-updated", id, "ALICE", "delivered"), EVENT);
        assertThat(alice.run(COMMAND, "history", "--peer", "BOB").output()).contains(REAL).doesNotContain(PRE_EMPTED);
        assertThat(alice.lines()).noneMatch(l -> l.contains(PRE_EMPTED));
    }

    @Test
    @Order(6)
    void replaysOfEverythingCapturedChangeNothing() throws Exception {
        exchange.stop();
        afterReplays = BridgeCapture.start(lan.onSwitch(), tmp.resolve("replays.pcap"), WHAT_NODES_SEND);
        List<BridgeCapture.Datagram> captured = exchange.datagrams().stream()
                .filter(d -> d.fromPort() == HostileLaptop.TRAYTALK_PORT
                        && List.of(ALICE_IP, BOB_IP).contains(d.fromIp())
                        && List.of(ALICE_IP, BOB_IP, EVERYONE).contains(d.toIp()))
                .toList();
        assertThat(captured).as("BOB's frames to ALICE in the capture").filteredOn(d -> d.fromIp().equals(BOB_IP)
                && d.toIp().equals(ALICE_IP) && Forgeries.isTransport(d.payload())).hasSizeGreaterThan(3);
        String aliceHistory = alice.run(COMMAND, "history", "--peer", "BOB").output();
        String bobHistory = bob.run(COMMAND, "history", "--peer", "ALICE").output();
        int aliceFrom = alice.lines().size();
        int bobFrom = bob.lines().size();

        for (BridgeCapture.Datagram d : captured) {
            laptop.sendUdp(d.toIp(), d.toPort(), d.payload());
        }
        // what a node never got (BOB while unplugged) is news to it, played now: its own test is that it moves nothing
        replayedToAlice = captured.stream().filter(d -> d.fromIp().equals(BOB_IP)).count();
        missedByBob = captured.stream().filter(d -> d.fromIp().equals(ALICE_IP))
                .filter(d -> lan.wasUnplugged("bob", d.seen())).count();
        replayedToBob = captured.stream().filter(d -> d.fromIp().equals(ALICE_IP)).count() - missedByBob;
        replayedKinds = captured.stream().collect(Collectors.groupingBy(d -> d.fromIp() + "->" + d.toIp() + " "
                + Forgeries.kind(d.payload()), TreeMap::new, Collectors.counting()));
        BridgeCapture.Datagram last = captured.stream().filter(d -> d.fromIp().equals(BOB_IP)
                && d.toIp().equals(ALICE_IP) && Forgeries.isTransport(d.payload())).reduce((a, b) -> b).orElseThrow();
        for (byte[] tampered : Forgeries.tampered(last.payload())) {
            laptop.sendUdp(ALICE_IP, HostileLaptop.TRAYTALK_PORT, tampered);
        }
        fence(alice, ALICE_IP, aliceKey);
        fence(bob, BOB_IP, bobKey);

        Predicate<String> fenceLine = l -> has(l, HostileLaptop.OWN_NAME); // its message, and it online again
        assertThat(alice.lines().subList(aliceFrom, alice.lines().size())).allMatch(fenceLine);
        assertThat(bob.lines().subList(bobFrom, bob.lines().size())).allMatch(fenceLine);
        assertThat(alice.run(COMMAND, "history", "--peer", "BOB").output()).isEqualTo(aliceHistory);
        assertThat(bob.run(COMMAND, "history", "--peer", "ALICE").output()).isEqualTo(bobHistory);
        assertThat(bobInPeersOf(alice)).contains("online", "udp:" + BOB_IP + ":");
        assertThat(peerIn(bob, "ALICE")).as("where BOB sends to ALICE, after the laptop played her frames")
                .contains("online", "udp:" + ALICE_IP + ":");
    }

    @Test
    @Order(7)
    void theCaptureHoldsNoMessageTextAndNoReceipt() throws Exception {
        afterReplays.stop();
        // the search works: ALICE's announcements on the original program's carrier are plain by design (after the
        // replays there may be none: a replayed DETECT draws no answer when its asker was answered a moment ago)
        assertThat(Plaintext.in(exchange.bytes(), "ALICE"))
                .as("ALICE's plain announcements in %s (%d datagrams)", exchange, exchange.datagrams().size())
                .isTrue();
        for (BridgeCapture capture : List.of(exchange, afterReplays)) {
            byte[] pcap = capture.bytes();
            for (String secret : List.of(HELLO, HI, IMPOSTOR, HIJACKED, REAL, "CONF")) {
                assertThat(Plaintext.in(pcap, secret))
                        .as("\"%s\" in the clear in %s", secret, capture).isFalse();
            }
        }
    }

    @Test
    @Order(8)
    void everyRefusalIsCounted() throws Exception {
        alice.stop();
        bob.stop();
        Map<String, Long> atAlice = refusedInAll(alice);
        Map<String, Long> atBob = refusedInAll(bob);
        System.err.println("Refused at ALICE: " + atAlice + "; at BOB: " + atBob + "; replayed to ALICE "
                + replayedToAlice + ", to BOB " + replayedToBob + " and " + missedByBob + " he had missed ("
                + replayedKinds + ")");
        // two forgeries over the original program's carrier (BOB and bob) in each of the four attacks
        assertThat(atAlice).containsEntry("unverified sender using a verified peer's name", 8L);
        assertThat(replaysCounted(atAlice)).as("replays refused at ALICE; replayed: %s", replayedKinds)
                .isGreaterThanOrEqualTo(replayedToAlice);
        assertThat(replaysCounted(atBob)).as("replays refused at BOB; replayed: %s", replayedKinds)
                .isGreaterThanOrEqualTo(replayedToBob);
        // BOB's keys under another signature, twice, and the two tampered frames
        assertThat(atAlice.getOrDefault("forged", 0L)).isGreaterThanOrEqualTo(4);
        // another group's goodbye, twice
        assertThat(atAlice.getOrDefault("not in group", 0L)).isGreaterThanOrEqualTo(2);
        assertThat(atAlice.values().stream().mapToLong(Long::longValue).sum())
                .isGreaterThanOrEqualTo(8 + replayedToAlice + 4 + 2 + 4 + Forgeries.JUNK_FOR_THE_ENGINE);
    }

    @Test
    @Order(9)
    void bobsRecordedPresenceReplayedAfterAliceRestartsDoesNotBringTheStoppedBobBack() throws Exception {
        // all BOB sent while they talked: announcements (to everyone, answers to ALICE's DETECTs), handshakes (he
        // answered hers), frames
        List<BridgeCapture.Datagram> bobs = exchange.datagrams().stream()
                .filter(d -> d.fromIp().equals(BOB_IP) && d.fromPort() == HostileLaptop.TRAYTALK_PORT
                        && List.of(ALICE_IP, EVERYONE).contains(d.toIp()))
                .toList();
        assertThat(bobs).as("BOB's announcements in the capture")
                .filteredOn(d -> Forgeries.is(d.payload(), AnnouncementFrame.class)).hasSizeGreaterThan(2);
        assertThat(bobs).as("BOB's handshakes in the capture").filteredOn(d -> Forgeries.is(d.payload(),
                HandshakeInit.class) || Forgeries.is(d.payload(), HandshakeReply.class)).isNotEmpty();
        alice.startListening(); // BOB stays stopped; ALICE, just started, remembers no announcement of his
        alice.await("ALICE started again", l -> has(l, "listening", "ALICE"), EVENT);
        aliceKey = laptop.learnKeyAfterRestart(ALICE_IP);
        assertThat(bobInPeersOf(alice)).as("BOB before the replays").contains("offline");

        for (BridgeCapture.Datagram d : bobs) {
            laptop.sendUdp(ALICE_IP, HostileLaptop.TRAYTALK_PORT, d.payload());
        }
        fence(alice, ALICE_IP, aliceKey);

        assertThat(alice.lines()).noneMatch(l -> has(l, "peer-online", "BOB"));
        assertThat(bobInPeersOf(alice)).as("BOB after %d of his datagrams replayed", bobs.size()).contains("offline");
        // the real BOB, started again, answers ALICE's challenge and is back at once
        bob.startListening();
        alice.await("the real BOB back online", l -> has(l, "peer-online", "BOB", "udp:" + BOB_IP), EVENT);
    }

    /**
     * Replays refused, plus replayed DETECTs the node had not seen yet (the replay came before the original got
     * through) and left unanswered because their asker had just been answered.
     */
    private static long replaysCounted(Map<String, Long> refused) {
        return refused.getOrDefault("replayed", 0L) + refused.getOrDefault("unknown session", 0L)
                + refused.getOrDefault("DETECT not answered (too many)", 0L);
    }

    /** The totals a node's log gives when it stops ("Refused in all since start: {reason=n, ...}"). */
    private static Map<String, Long> refusedInAll(NodeProcess node) throws Exception {
        String line = Files.readAllLines(node.home.resolve("logs").resolve("traytalk.log")).stream()
                .filter(l -> l.contains("Refused in all since start: {")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(node.name + " logged no refusals:\n" + node.report()));
        Map<String, Long> counts = new TreeMap<>();
        Matcher m = Pattern.compile("(?:\\{|, )([^=,{}]+)=(\\d+)").matcher(line.substring(line.indexOf('{')));
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counts;
    }

    /** A message under the attacker's own name, after all it sent before: once the node shows it, it had those. */
    private static void fence(NodeProcess node, String ip, PeerKey key) throws InterruptedException {
        String text = "fence " + ++fences;
        laptop.say(ip, key, 9000 + fences, text);
        node.await(text, l -> has(l, "message-received", HostileLaptop.OWN_NAME, text), EVENT);
    }

    private static String awaitNew(NodeProcess node, int from, String what, Predicate<String> match) {
        return Eventually.find(what, EVENT, Duration.ofMillis(50), () -> {
            List<String> lines = node.lines();
            return lines.subList(Math.min(from, lines.size()), lines.size()).stream().filter(match).findFirst();
        }, node::report);
    }

    private static String bobInPeersOf(NodeProcess node) throws Exception {
        return peerIn(node, "BOB");
    }

    /** The line of {@code traytalk peers} on {@code node} that lists {@code name}, or "". */
    private static String peerIn(NodeProcess node, String name) throws Exception {
        return node.run(COMMAND, "peers").output().lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .orElse("");
    }

    private static String fingerprint(NodeProcess node) throws Exception {
        String out = node.run(COMMAND, "id").output().strip();
        return out.substring(out.lastIndexOf(' ') + 1);
    }

    private static void assertDelivered(NodeProcess.Result sent) {
        assertThat(sent.exitCode()).as(sent.output()).isZero();
    }

    private static NodeProcess.Result run(NodeProcess node, String... args) {
        try {
            return node.run(COMMAND, args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
