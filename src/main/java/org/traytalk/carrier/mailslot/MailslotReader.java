package org.traytalk.carrier.mailslot;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.CarrierLifecycle;
import org.traytalk.carrier.Inbound;
import org.traytalk.model.PeerAddress;

/**
 * Blocks in {@code ReadFile} on the carrier's slot, one message per read, until told to stop; then closes the
 * slot. It owns the slot handle so the handle is never closed under a read in progress.
 */
final class MailslotReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MailslotReader.class);

    private final Kernel32Mailslots kernel32;
    private final MailslotHandle slot;
    private final MailslotPath path;
    private final SenderName senders;
    private final CarrierCallback callback;
    private final CarrierLifecycle carrier;
    private final long pauseMillis;
    private byte[] buffer;

    MailslotReader(Kernel32Mailslots kernel32, MailslotHandle slot, MailslotPath path, int bufferSize, Charset charset,
                   CarrierCallback callback, CarrierLifecycle carrier, long pauseMillis) {
        this.kernel32 = kernel32;
        this.slot = slot;
        this.path = path;
        this.senders = new SenderName(charset);
        this.callback = callback;
        this.carrier = carrier;
        this.pauseMillis = pauseMillis;
        this.buffer = new byte[bufferSize];
    }

    @Override
    public void run() {
        try {
            while (!stopping()) {
                int n;
                try {
                    n = kernel32.readFile(slot, buffer);
                } catch (Win32Exception e) {
                    if (!recover(e)) {
                        return;
                    }
                    continue;
                }
                if (n != Kernel32Mailslots.READ_TIMED_OUT && !stopping()) {
                    deliver(Arrays.copyOf(buffer, n));
                }
            }
        } finally {
            try {
                kernel32.closeHandle(slot);
            } catch (Win32Exception e) {
                LOG.warn("Closing mailslot {} failed: {}", path, e.getMessage());
            }
        }
    }

    private boolean stopping() {
        return carrier.isClosed();
    }

    private void deliver(byte[] payload) {
        String sender = senders.of(payload).orElse(MailslotCarrier.UNKNOWN_SENDER); // the engine judges the bytes
        try {
            callback.onReceive(new Inbound(new PeerAddress(MailslotCarrier.NAME, sender), payload, null, 0));
        } catch (RuntimeException e) { // a faulty callback must not stop reception
            LOG.warn("Carrier callback failed for a mailslot message from {}", sender, e);
        }
    }

    /** Handles a failed read; false when reading cannot go on. */
    private boolean recover(Win32Exception e) {
        if (stopping()) {
            return false;
        }
        if (e.is(Win32Error.INSUFFICIENT_BUFFER)) { // only when the slot admits bigger messages than we sized for
            try {
                MailslotInfo info = kernel32.getMailslotInfo(slot);
                if (info.hasMessage() && info.nextSize() > buffer.length) {
                    buffer = new byte[info.nextSize()];
                    return true;
                }
            } catch (Win32Exception again) {
                e = again;
            }
        }
        if (e.is(Win32Error.INVALID_HANDLE)) {
            LOG.error("Mailslot {} handle is gone; no more messages will arrive over mailslots", path);
            return false;
        }
        LOG.warn("Reading mailslot {} failed: {}", path, e.getMessage());
        try { // pause until closed at most, so a persistent error cannot spin
            carrier.awaitClose(pauseMillis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }
}
