package org.traytalk.carrier.mailslot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.carrier.mailslot.Kernel32Mailslots.MAILSLOT_NO_MESSAGE;
import static org.traytalk.carrier.mailslot.Kernel32Mailslots.READ_TIMED_OUT;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The fake must behave like Windows, or the carrier tests prove nothing. */
class FakeKernel32MailslotsTest {

    private final FakeMailslotNetwork network = new FakeMailslotNetwork();
    private final FakeKernel32Mailslots alpha = network.host("ALPHA");
    private final FakeKernel32Mailslots beta = network.host("BETA");

    @Test
    void namesAreCaseInsensitiveAndASecondCreateFails() throws Exception {
        alpha.createMailslot("\\\\.\\mailslot\\FoxApp", 0, 0);
        assertFails(() -> alpha.createMailslot("\\\\.\\MAILSLOT\\FOXAPP", 0, 0), Win32Error.ALREADY_EXISTS);
        assertThat(alpha.lastError()).isEqualTo(Win32Error.ALREADY_EXISTS);
        alpha.closeHandle(alpha.openForWrite("\\\\.\\Mailslot\\foxapp"));
        beta.createMailslot("\\\\.\\mailslot\\FOXAPP", 0, 0); // another computer has its own namespace
    }

    @Test
    void onlyLocalMailslotPathsCanBeCreated() {
        assertFails(() -> alpha.createMailslot("blah", 0, 0), Win32Error.INVALID_NAME);
        assertFails(() -> alpha.createMailslot("\\\\BETA\\mailslot\\X", 0, 0), Win32Error.INVALID_NAME);
        assertFails(() -> alpha.createMailslot("\\\\.\\pipe\\X", 0, 0), Win32Error.INVALID_NAME);
    }

    @Test
    void eachWriteIsOneMessageInOrderIncludingEmptyOnes() throws Exception {
        MailslotHandle slot = alpha.createMailslot("\\\\.\\mailslot\\X", 0, 0);
        MailslotHandle w = alpha.openForWrite("\\\\.\\mailslot\\X");
        assertThat(alpha.writeFile(w, bytes("a"))).isEqualTo(1);
        alpha.writeFile(w, bytes("bc"));
        alpha.writeFile(w, new byte[0]);

        assertThat(alpha.getMailslotInfo(slot)).isEqualTo(new MailslotInfo(0, 1, 3, 0));
        byte[] buffer = new byte[16];
        assertThat(alpha.readFile(slot, buffer)).isEqualTo(1);
        assertThat(buffer[0]).isEqualTo((byte) 'a');
        assertThat(alpha.getMailslotInfo(slot).nextSize()).isEqualTo(2);
        assertThat(alpha.readFile(slot, buffer)).isEqualTo(2);
        assertThat(Arrays.copyOf(buffer, 2)).isEqualTo(bytes("bc"));
        assertThat(alpha.getMailslotInfo(slot)).isEqualTo(new MailslotInfo(0, 0, 1, 0));
        assertThat(alpha.readFile(slot, buffer)).isZero();
        assertThat(alpha.getMailslotInfo(slot)).isEqualTo(new MailslotInfo(0, MAILSLOT_NO_MESSAGE, 0, 0));
        assertThat(alpha.getMailslotInfo(slot).hasMessage()).isFalse();
    }

    @Test
    void aTooSmallBufferFailsAndLeavesTheMessage() throws Exception {
        MailslotHandle slot = alpha.createMailslot("\\\\.\\mailslot\\X", 0, 0);
        MailslotHandle w = alpha.openForWrite("\\\\.\\mailslot\\X");
        alpha.writeFile(w, bytes("hello"));

        assertFails(() -> alpha.readFile(slot, new byte[4]), Win32Error.INSUFFICIENT_BUFFER);
        assertThat(alpha.getMailslotInfo(slot).messageCount()).isEqualTo(1);
        byte[] exact = new byte[5];
        assertThat(alpha.readFile(slot, exact)).isEqualTo(5);
        assertThat(exact).isEqualTo(bytes("hello"));
    }

    @Test
    void aLocalWriteAboveTheSlotMaximumFailsAndQueuesNothing() throws Exception {
        MailslotHandle slot = alpha.createMailslot("\\\\.\\mailslot\\X", 250, 0);
        MailslotHandle w = alpha.openForWrite("\\\\.\\mailslot\\X");
        assertThat(alpha.writeFile(w, new byte[250])).isEqualTo(250);
        assertFails(() -> alpha.writeFile(w, new byte[251]), Win32Error.INVALID_PARAMETER);
        assertThat(alpha.getMailslotInfo(slot).messageCount()).isEqualTo(1);
    }

    @Test
    void anEmptySlotTimesOutAfterItsReadTimeout() throws Exception {
        MailslotHandle slot = alpha.createMailslot("\\\\.\\mailslot\\X", 0, 150);
        long t0 = System.nanoTime();
        assertThat(alpha.readFile(slot, new byte[8])).isEqualTo(READ_TIMED_OUT);
        long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(elapsedMillis).isBetween(140L, 2_000L);
        assertThat(alpha.lastError()).isEqualTo(Win32Error.SEM_TIMEOUT);
        assertThat(alpha.getMailslotInfo(slot).readTimeout()).isEqualTo(150);
    }

    @Test
    void aBlockedReadReturnsAsSoonAsAMessageArrives() throws Exception {
        MailslotHandle slot = alpha.createMailslot("\\\\.\\mailslot\\X", 0, 10_000);
        Thread writer = new Thread(() -> {
            try {
                beta.writeFile(beta.openForWrite("\\\\ALPHA\\mailslot\\X"), bytes("ping"));
            } catch (Win32Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long t0 = System.nanoTime();
        writer.start();
        byte[] buffer = new byte[8];
        assertThat(alpha.readFile(slot, buffer)).isEqualTo(4);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
        writer.join();
    }

    @Test
    void closedAndWrongHandlesAreRefused() throws Exception {
        MailslotHandle slot = alpha.createMailslot("\\\\.\\mailslot\\X", 0, 0);
        MailslotHandle w = alpha.openForWrite("\\\\.\\mailslot\\X");
        assertFails(() -> alpha.writeFile(slot, bytes("x")), Win32Error.ACCESS_DENIED);
        assertFails(() -> alpha.readFile(w, new byte[8]), Win32Error.ACCESS_DENIED);

        alpha.closeHandle(w);
        alpha.closeHandle(slot);
        assertFails(() -> alpha.writeFile(w, bytes("x")), Win32Error.INVALID_HANDLE);
        assertFails(() -> alpha.readFile(slot, new byte[8]), Win32Error.INVALID_HANDLE);
        assertFails(() -> alpha.getMailslotInfo(slot), Win32Error.INVALID_HANDLE);
        assertFails(() -> alpha.closeHandle(slot), Win32Error.INVALID_HANDLE);
        assertFails(() -> alpha.readFile(new MailslotHandle(0xdead), new byte[8]), Win32Error.INVALID_HANDLE);
        assertThat(alpha.openHandles()).isZero();
        alpha.createMailslot("\\\\.\\mailslot\\X", 0, 0); // closing freed the name
    }

    @Test
    void openingMissingTargetsFails() {
        assertFails(() -> alpha.openForWrite("\\\\.\\mailslot\\NOPE"), Win32Error.FILE_NOT_FOUND);
        assertFails(() -> alpha.openForWrite("\\\\GAMMA\\mailslot\\X"), Win32Error.BAD_NETPATH);
        assertFails(() -> alpha.openForWrite("C:\\temp\\x"), Win32Error.INVALID_NAME);
    }

    @Test
    void aRemoteWriteReachesOnlyThatComputerAndNeedsNoSlotThere() throws Exception {
        MailslotHandle onAlpha = alpha.createMailslot("\\\\.\\mailslot\\X", 0, 0);
        MailslotHandle onBeta = beta.createMailslot("\\\\.\\mailslot\\X", 0, 0);
        network.host("GAMMA"); // has no slot X: the write still succeeds, datagram style
        alpha.writeFile(alpha.openForWrite("\\\\gamma\\mailslot\\x"), bytes("lost"));
        alpha.writeFile(alpha.openForWrite("\\\\beta\\mailslot\\x"), bytes("to beta"));

        assertThat(beta.getMailslotInfo(onBeta).messageCount()).isEqualTo(1);
        assertThat(alpha.getMailslotInfo(onAlpha).messageCount()).isZero();
    }

    @Test
    void aBroadcastReachesTheSlotOfThatNameOnEveryComputerIncludingTheSender() throws Exception {
        MailslotHandle onAlpha = alpha.createMailslot("\\\\.\\mailslot\\X", 0, 0);
        MailslotHandle onBeta = beta.createMailslot("\\\\.\\mailslot\\X", 0, 0);
        MailslotHandle other = beta.createMailslot("\\\\.\\mailslot\\Y", 0, 0);
        alpha.writeFile(alpha.openForWrite("\\\\*\\mailslot\\X"), bytes("all"));

        assertThat(alpha.getMailslotInfo(onAlpha).messageCount()).isEqualTo(1);
        assertThat(beta.getMailslotInfo(onBeta).messageCount()).isEqualTo(1);
        assertThat(beta.getMailslotInfo(other).messageCount()).isZero();
    }

    @Test
    void remoteWritesAreLimitedByTheSmbSizeAndReceiversDropWhatTheirSlotRefuses() throws Exception {
        MailslotHandle small = beta.createMailslot("\\\\.\\mailslot\\FOXAPP", 250, 0);
        assertThat(FakeKernel32Mailslots.remoteLimit(MailslotPath.everyone("FOXAPP"))).isEqualTo(424);
        MailslotHandle w = alpha.openForWrite("\\\\*\\mailslot\\FOXAPP");
        assertFails(() -> alpha.writeFile(w, new byte[425]), Win32Error.INVALID_PARAMETER);
        assertThat(alpha.writeFile(w, new byte[424])).isEqualTo(424); // accepted by Windows, lost at BETA
        assertThat(alpha.writeFile(w, new byte[250])).isEqualTo(250);
        assertThat(beta.getMailslotInfo(small)).isEqualTo(new MailslotInfo(250, 250, 1, 0));
    }

    @Test
    void injectedFailuresHitOnlyTheNextCall() throws Exception {
        alpha.failNext(FakeKernel32Mailslots.Call.CREATE_FILE, Win32Error.NOT_SUPPORTED);
        assertFails(() -> alpha.openForWrite("\\\\*\\mailslot\\X"), Win32Error.NOT_SUPPORTED);
        alpha.closeHandle(alpha.openForWrite("\\\\*\\mailslot\\X"));
    }

    @Test
    void lastErrorIsPerThread() throws Exception {
        assertFails(() -> alpha.openForWrite("\\\\GAMMA\\mailslot\\X"), Win32Error.BAD_NETPATH);
        Win32Error[] seenElsewhere = new Win32Error[1];
        Thread t = new Thread(() -> seenElsewhere[0] = alpha.lastError());
        t.start();
        t.join();
        assertThat(seenElsewhere[0]).isEqualTo(Win32Error.SUCCESS);
        assertThat(alpha.lastError()).isEqualTo(Win32Error.BAD_NETPATH);
    }

    private static void assertFails(ThrowingCallable call, Win32Error expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Win32Exception.class,
                e -> assertThat(e.error()).isEqualTo(expected));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
