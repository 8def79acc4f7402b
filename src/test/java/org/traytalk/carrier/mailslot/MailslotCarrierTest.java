package org.traytalk.carrier.mailslot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.CarrierContractTest.Recorder;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.Inbound;
import org.traytalk.model.PeerAddress;

/** Receiving, addressing and lifecycle of the mailslot carrier on fake Windows computers. */
class MailslotCarrierTest {

    static final Charset ANSI = Charset.forName("windows-1252");
    private static final Duration FAST = Duration.ofMillis(100);

    private final FakeMailslotNetwork network = new FakeMailslotNetwork();
    private final FakeKernel32Mailslots alicePc = network.host("ALICE");
    private final FakeKernel32Mailslots bobPc = network.host("BOB");
    private final List<MailslotCarrier> started = new ArrayList<>();

    @AfterEach
    void closeAll() {
        started.forEach(MailslotCarrier::close);
    }

    @Test
    void aReplyToTheSourceReachesTheSender() throws Exception {
        Recorder aliceHears = new Recorder();
        Recorder bobHears = new Recorder();
        MailslotCarrier alice = start(alicePc, aliceHears);
        MailslotCarrier bob = start(bobPc, bobHears);

        byte[] hello = Messages.fox("ALICE", 7, "hello bob");
        alice.send(new PeerAddress("mailslot", "BOB"), "BOB", hello);
        Inbound got = bobHears.next();
        assertThat(got.payload()).containsExactly(hello);
        assertThat(got.source()).isEqualTo(new PeerAddress("mailslot", "ALICE"));
        assertThat(got.recipient()).isNull();
        assertThat(got.instanceId()).isZero();

        byte[] reply = Messages.fox("BOB", 1, "CONF 7");
        bob.send(got.source(), "ALICE", reply);
        assertThat(aliceHears.next().payload()).containsExactly(reply);
    }

    @Test
    void everyByteValueArrivesUnaltered() throws Exception {
        Recorder bobHears = new Recorder();
        MailslotCarrier alice = start(alicePc, new Recorder());
        start(bobPc, bobHears);
        for (int half = 0; half < 2; half++) { // 256 values do not fit one 250-byte message
            byte[] message = Messages.fox("ALICE", half, "");
            byte[] withBody = Arrays.copyOf(message, message.length + 128);
            for (int i = 0; i < 128; i++) {
                withBody[message.length + i] = (byte) (half * 128 + i);
            }
            byte[] expected = withBody.clone();
            alice.send(new PeerAddress("mailslot", "BOB"), "BOB", withBody);
            withBody[40] = 99; // the carrier must have taken its own copy
            assertThat(bobHears.next().payload()).containsExactly(expected);
        }
    }

    @Test
    void theSourceIsTheSenderFieldDecodedInTheLegacyCodePage() throws Exception {
        Recorder hears = new Recorder();
        start(alicePc, hears);
        FakeKernel32Mailslots mueller = network.host("MÜLLER");
        mueller.writeFile(mueller.openForWrite("\\\\ALICE\\mailslot\\FOXAPP"), Messages.fox("MÜLLER", 1, "Grüße"));

        assertThat(hears.next().source()).isEqualTo(new PeerAddress("mailslot", "MÜLLER"));
    }

    @Test
    void messagesThatNameNoComputerArriveFromAnUnknownSenderThatCannotBeAnswered() throws Exception {
        Recorder hears = new Recorder();
        MailslotCarrier alice = start(alicePc, hears);
        writeRaw(bobPc, "\\\\ALICE\\mailslot\\FOXAPP", "short".getBytes(ANSI));
        writeRaw(bobPc, "\\\\ALICE\\mailslot\\FOXAPP", (" ".repeat(38) + "ONLINE").getBytes(ANSI));
        writeRaw(bobPc, "\\\\ALICE\\mailslot\\FOXAPP", Messages.fox("A\\B", 1, "x"));

        for (int i = 0; i < 3; i++) {
            Inbound in = hears.next();
            assertThat(in.source()).isEqualTo(new PeerAddress("mailslot", MailslotCarrier.UNKNOWN_SENDER));
            assertThatThrownBy(() -> alice.send(in.source(), "x", Messages.fox("ALICE", 1, "CONF 1")))
                    .isInstanceOf(CarrierException.class).hasMessageContaining("did not name its sender");
        }
    }

    @Test
    void longerMessagesFromTrayTalkPeersAreReceivedWholeUpToTheRemoteWriteLimit() throws Exception {
        Recorder hears = new Recorder();
        start(alicePc, hears);
        byte[] long424 = Arrays.copyOf(Messages.fox("BOB", 1, "x".repeat(386)), 424);
        writeRaw(bobPc, "\\\\*\\mailslot\\FOXAPP", long424);
        assertThat(hears.next().payload()).containsExactly(long424);

        MailslotHandle local = alicePc.openForWrite("\\\\.\\mailslot\\FOXAPP");
        assertThatThrownBy(() -> alicePc.writeFile(local, new byte[MailslotCarrier.RECEIVE_MAX_BYTES + 1]))
                .isInstanceOfSatisfying(Win32Exception.class,
                        e -> assertThat(e.error()).isEqualTo(Win32Error.INVALID_PARAMETER));
        alicePc.closeHandle(local);
    }

    @Test
    void aFaultyCallbackDoesNotStopReception() throws Exception {
        Recorder hears = new Recorder();
        CountDownLatch threw = new CountDownLatch(1);
        start(alicePc, datagram -> {
            if (threw.getCount() > 0) {
                threw.countDown();
                throw new IllegalStateException("callback bug");
            }
            hears.onReceive(datagram);
        });
        byte[] second = Messages.fox("BOB", 2, "second");
        writeRaw(bobPc, "\\\\ALICE\\mailslot\\FOXAPP", Messages.fox("BOB", 1, "first"));
        writeRaw(bobPc, "\\\\ALICE\\mailslot\\FOXAPP", second);
        assertThat(threw.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(hears.next().payload()).containsExactly(second);
    }

    @Test
    void aFailedReadIsLoggedAndReadingGoesOn() throws Exception {
        Recorder hears = new Recorder();
        alicePc.failNext(FakeKernel32Mailslots.Call.READ_FILE, Win32Error.UNEXP_NET_ERR);
        start(alicePc, hears);
        byte[] message = Messages.fox("BOB", 1, "after the error");
        writeRaw(bobPc, "\\\\ALICE\\mailslot\\FOXAPP", message);
        assertThat(hears.next().payload()).containsExactly(message);
    }

    @Test
    void closeStopsTheReaderWithinAboutASecondAndFreesTheSlot() throws Exception {
        MailslotCarrier alice = new MailslotCarrier(new MailslotCarrierOptions("FOXAPP", ANSI), alicePc);
        alice.start(new Recorder());
        assertThat(readerThreads()).isNotEmpty();
        assertThat(alicePc.hasSlot("FOXAPP")).isTrue();

        long t0 = System.nanoTime();
        alice.close();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_200);
        assertThat(readerThreads()).isEmpty();
        assertThat(alicePc.hasSlot("FOXAPP")).isFalse();
        assertThat(alicePc.openHandles()).isZero();
    }

    @Test
    void closeFromInsideTheCallbackReturnsAndTheReaderThenFreesTheSlot() throws Exception {
        MailslotCarrier[] self = new MailslotCarrier[1];
        CountDownLatch closed = new CountDownLatch(1);
        self[0] = start(alicePc, datagram -> {
            self[0].close();
            closed.countDown();
        });
        writeRaw(bobPc, "\\\\ALICE\\mailslot\\FOXAPP", Messages.fox("BOB", 1, "bye"));
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> !alicePc.hasSlot("FOXAPP") && readerThreads().isEmpty());
    }

    @Test
    void theReaderBlocksInReadFileInsteadOfPolling() throws Exception {
        start(alicePc, new Recorder());
        long timeoutNanos = FAST.toNanos();
        int before = alicePc.readFileCalls();
        long t0 = System.nanoTime();
        // the count since t0 must stay within one call per read timeout, plus the call already under way
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(
                () -> alicePc.readFileCalls() - before <= (System.nanoTime() - t0) / timeoutNanos + 1);
        assertThat(alicePc.readFileCalls() - before).isPositive();
        assertThat(alicePc.getMailslotInfoCalls()).isZero();
    }

    @Test
    void forThisOsNeedsWindows() {
        assertThat(Kernel32Mailslots.isWindows("Windows 11")).isTrue();
        assertThat(Kernel32Mailslots.isWindows("Linux")).isFalse();
        Assumptions.assumeFalse(Kernel32Mailslots.isWindows(System.getProperty("os.name")));
        assertThat(Kernel32Mailslots.forThisOs()).isEmpty();
        assertThatThrownBy(() -> MailslotCarrier.forThisOs(new MailslotCarrierOptions("FOXAPP", ANSI)))
                .isInstanceOf(CarrierException.class).hasMessageContaining("needs Windows")
                .hasMessageContaining("carriers");
    }

    @Test
    void describesItselfWithTheLegacyLimitAndCodePage() {
        MailslotCarrier c = new MailslotCarrier(new MailslotCarrierOptions("foxapp", Charset.forName("cp866")), alicePc);
        assertThat(c.name()).isEqualTo("mailslot");
        assertThat(c.maxMessageBytes()).isEqualTo(250);
        assertThat(c.charset()).isEqualTo(Charset.forName("cp866"));
        assertThat(new MailslotCarrierOptions("foxapp", ANSI).group()).isEqualTo("FOXAPP");
        assertThatThrownBy(() -> new MailslotCarrierOptions("a\\b", ANSI)).isInstanceOf(IllegalArgumentException.class);
    }

    static List<Thread> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("traytalk-mailslot-")).toList();
    }

    private MailslotCarrier start(FakeKernel32Mailslots pc, CarrierCallback callback) throws CarrierException {
        MailslotCarrier c = new MailslotCarrier(new MailslotCarrierOptions("FOXAPP", ANSI, FAST), pc);
        c.start(callback);
        started.add(c);
        return c;
    }

    private static void writeRaw(FakeKernel32Mailslots from, String path, byte[] message) throws Win32Exception {
        MailslotHandle h = from.openForWrite(path);
        from.writeFile(h, message);
        from.closeHandle(h);
    }
}
