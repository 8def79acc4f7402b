package org.traytalk.carrier.mailslot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.carrier.mailslot.MailslotCarrierTest.ANSI;

import java.time.Duration;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.traytalk.carrier.CarrierContractTest.Recorder;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.mailslot.FakeKernel32Mailslots.Call;
import org.traytalk.model.PeerAddress;

/** Every failure the user can meet comes back as a CarrierException that says what to do. */
class MailslotCarrierErrorsTest {

    private final FakeMailslotNetwork network = new FakeMailslotNetwork();
    private final FakeKernel32Mailslots alicePc = network.host("ALICE");
    private final MailslotCarrier alice = carrierOn(alicePc);
    private final PeerAddress bob = new PeerAddress("mailslot", "BOB");

    @AfterEach
    void close() {
        alice.close();
    }

    @Test
    void aSecondCopyOnTheSameComputerIsExplainedAndMayRetryLater() throws Exception {
        alice.start(new Recorder());
        MailslotCarrier second = carrierOn(alicePc);
        fails(() -> second.start(new Recorder())).hasMessageContaining("another copy of TrayTalk or the original LAN"
                + " messenger is already running on this computer (mailslot \\\\.\\mailslot\\FOXAPP exists)")
                .hasCauseInstanceOf(Win32Exception.class);

        alice.close();
        second.start(new Recorder()); // the failed start did not use the carrier up
        second.close();
    }

    @Test
    void anUnknownComputerIsUnreachable() throws Exception {
        alice.start(new Recorder());
        fails(() -> alice.send(new PeerAddress("mailslot", "GHOST"), "GHOST", Messages.fox("ALICE", 1, "hi")))
                .hasMessageContaining("GHOST is unreachable").hasMessageContaining("ERROR_BAD_NETPATH (53)")
                .hasMessageContaining("NetBIOS over TCP/IP");
    }

    @Test
    void refusedRemoteWritesPointAtTheRemoteMailslotPolicyAndNetbios() throws Exception {
        network.host("BOB");
        alice.start(new Recorder());
        alicePc.failNext(Call.CREATE_FILE, Win32Error.NOT_SUPPORTED);
        assertRemoteHint(fails(() -> alice.sendToAll(Messages.fox("ALICE", 1, "ONLINE"))))
                .hasMessageContaining("everyone (\\\\*\\mailslot\\FOXAPP)").hasMessageContaining("ERROR_NOT_SUPPORTED");

        alicePc.failNext(Call.WRITE_FILE, Win32Error.ACCESS_DENIED);
        assertRemoteHint(fails(() -> alice.send(bob, "BOB", Messages.fox("ALICE", 2, "hi"))))
                .hasMessageContaining("\\\\BOB\\mailslot\\FOXAPP").hasMessageContaining("ERROR_ACCESS_DENIED");

        alicePc.failNext(Call.CREATE_FILE, Win32Error.BAD_NET_NAME);
        assertRemoteHint(fails(() -> alice.send(bob, "BOB", Messages.fox("ALICE", 3, "hi"))));
        assertThat(alicePc.openHandles()).isEqualTo(1); // only the slot: failed writes closed their handles
    }

    @Test
    void anOversizeMessageNamesItsSizeAndTheLimitBeforeTouchingWindows() throws Exception {
        network.host("BOB");
        alice.start(new Recorder());
        byte[] tooLarge = new byte[251];
        fails(() -> alice.send(bob, "BOB", tooLarge)).hasMessageContaining("251 bytes")
                .hasMessageContaining("at most 250 bytes");
        fails(() -> alice.sendToAll(tooLarge)).hasMessageContaining("251 bytes");
        assertThat(alicePc.openHandles()).isEqualTo(1);
    }

    @Test
    void aWriteWindowsRefusesAsTooLargeNamesSizeAndLimits() throws Exception {
        network.host("BOB");
        alice.start(new Recorder());
        alicePc.failNext(Call.WRITE_FILE, Win32Error.INVALID_PARAMETER);
        fails(() -> alice.send(bob, "BOB", new byte[240])).hasMessageContaining("240-byte")
                .hasMessageContaining("424").hasMessageContaining("250").hasMessageContaining("ERROR_INVALID_PARAMETER");
    }

    @Test
    void anInvalidGroupNameIsReportedAtStart() {
        alicePc.failNext(Call.CREATE_MAILSLOT, Win32Error.INVALID_NAME);
        fails(() -> alice.start(new Recorder())).hasMessageContaining("group name FOXAPP");
    }

    @Test
    void otherErrorsStillNameTheTargetAndTheCode() throws Exception {
        alice.start(new Recorder());
        alicePc.failNext(Call.CREATE_FILE, Win32Error.of(1450));
        fails(() -> alice.sendToAll(Messages.fox("ALICE", 1, "ONLINE"))).hasMessageContaining("\\\\*\\mailslot\\FOXAPP")
                .hasMessageContaining("ERROR_1450 (1450)");
    }

    @Test
    void addressesThatAreNotOneComputerAreRefused() throws Exception {
        alice.start(new Recorder());
        byte[] m = Messages.fox("ALICE", 1, "hi");
        fails(() -> alice.send(new PeerAddress("udp", "10.0.0.1:42138"), "x", m)).hasMessageContaining("not a mailslot");
        fails(() -> alice.send(new PeerAddress("mailslot", "*"), "x", m)).hasMessageContaining("not a computer name");
        fails(() -> alice.send(new PeerAddress("mailslot", "A\\mailslot\\B"), "x", m))
                .hasMessageContaining("not a computer name");
        fails(() -> alice.send(new PeerAddress("mailslot", ""), "x", m)).hasMessageContaining("not a computer name");
    }

    @Test
    void lifecycleMistakesAreReported() throws Exception {
        byte[] m = Messages.fox("ALICE", 1, "hi");
        fails(() -> alice.sendToAll(m)).hasMessageContaining("not started");
        alice.start(new Recorder());
        fails(() -> alice.start(new Recorder())).hasMessageContaining("already started");
        alice.close();
        fails(() -> alice.sendToAll(m)).hasMessageContaining("closed");
        fails(() -> alice.start(new Recorder())).hasMessageContaining("closed");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRemoteHint(
            AbstractThrowableAssert<?, ? extends Throwable> failure) {
        return failure.hasMessageContaining("Windows 11 24H2").hasMessageContaining("Windows Server 2025")
                .hasMessageContaining("Enable remote mailslots").hasMessageContaining("Lanman Workstation")
                .hasMessageContaining("Lanman Server").hasMessageContaining("NetBIOS over TCP/IP");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> fails(ThrowingCallable call) {
        return assertThatThrownBy(call).isInstanceOf(CarrierException.class);
    }

    private static MailslotCarrier carrierOn(FakeKernel32Mailslots pc) {
        return new MailslotCarrier(new MailslotCarrierOptions("FOXAPP", ANSI, Duration.ofMillis(100)), pc);
    }
}
