package org.traytalk.carrier.mailslot;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.CarrierLifecycle;
import org.traytalk.carrier.Inbound;
import org.traytalk.carrier.ReceiveGuard;
import org.traytalk.model.PeerAddress;

/**
 * One turn of the mailslot thread: blocks in {@code ReadFile} on the carrier's slot for one message (at most the read
 * timeout); closes the slot once the thread ends. It owns the slot handle so the handle is never closed under a read
 * in progress.
 */
final class MailslotReader implements ReceiveGuard.Turn {

    private static final Logger LOG = LoggerFactory.getLogger(MailslotReader.class);

    private final Kernel32Mailslots kernel32;
    private final MailslotHandle slot;
    private final MailslotPath path;
    private final SenderName senders;
    private final CarrierCallback callback;
    private final CarrierLifecycle carrier;
    private byte[] buffer;

    MailslotReader(Kernel32Mailslots kernel32, MailslotHandle slot, MailslotPath path, int bufferSize, Charset charset,
                   CarrierCallback callback, CarrierLifecycle carrier) {
        this.kernel32 = kernel32;
        this.slot = slot;
        this.path = path;
        this.senders = new SenderName(charset);
        this.callback = callback;
        this.carrier = carrier;
        this.buffer = new byte[bufferSize];
    }

    @Override
    public boolean receive() throws Win32Exception {
        int n;
        try {
            n = kernel32.readFile(slot, buffer);
        } catch (Win32Exception e) {
            return recover(e);
        }
        if (n != Kernel32Mailslots.READ_TIMED_OUT && !carrier.isClosed()) {
            deliver(Arrays.copyOf(buffer, n));
        }
        return true;
    }

    @Override
    public void ended() {
        try {
            kernel32.closeHandle(slot);
        } catch (Win32Exception e) {
            LOG.warn("Closing mailslot {} failed: {}", path, e.getMessage());
        }
    }

    private void deliver(byte[] payload) {
        String sender = senders.of(payload).orElse(MailslotCarrier.UNKNOWN_SENDER); // the engine judges the bytes
        callback.onReceive(new Inbound(new PeerAddress(MailslotCarrier.NAME, sender), payload, null, 0));
    }

    /** After a failed read: true when a bigger buffer fixed it, false when the handle is gone; throws otherwise. */
    private boolean recover(Win32Exception e) throws Win32Exception {
        if (e.is(Win32Error.INSUFFICIENT_BUFFER)) { // only when the slot admits bigger messages than we sized for
            MailslotInfo info = kernel32.getMailslotInfo(slot);
            if (info.hasMessage() && info.nextSize() > buffer.length) {
                buffer = new byte[info.nextSize()];
                return true;
            }
        }
        if (e.is(Win32Error.INVALID_HANDLE)) {
            LOG.error("Mailslot {} handle is gone; no more messages will arrive over mailslots", path);
            return false;
        }
        throw e;
    }
}
