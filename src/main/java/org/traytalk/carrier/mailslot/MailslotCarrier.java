package org.traytalk.carrier.mailslot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.CarrierCallback;
import org.traytalk.carrier.CarrierException;
import org.traytalk.carrier.SingleUseCarrier;
import org.traytalk.model.PeerAddress;
import org.traytalk.wire.FoxMessage;

/**
 * The original LAN messenger's own transport: Win32 mailslots. Receives on {@code \\.\mailslot\GROUP},
 * sends to {@code \\HOST\mailslot\GROUP} and to everyone through {@code \\*\mailslot\GROUP}. Peer addresses
 * are computer names, taken from the sender field of each message (see {@link SenderName}).
 */
public final class MailslotCarrier extends SingleUseCarrier {

    public static final String NAME = "mailslot";
    /** The original creates its slot for 250-byte messages and silently loses longer ones, so we send no more. */
    public static final int MAX_MESSAGE_BYTES = FoxMessage.LEGACY_MAX_BYTES;
    /** Our slot takes the longest remote mailslot write Windows makes, so longer TrayTalk messages are not lost. */
    public static final int RECEIVE_MAX_BYTES = 424;
    /** Windows refuses remote writes whose SMB part exceeds 512 bytes: 424 payload bytes for a short slot name. */
    static final int REMOTE_WRITE_LIMIT = 424;
    /** Source address of a message whose sender field names no computer; replies to it are refused. */
    public static final String UNKNOWN_SENDER = "?";
    static final String THREAD_PREFIX = "traytalk-mailslot-";
    private static final Logger LOG = LoggerFactory.getLogger(MailslotCarrier.class);

    private final MailslotCarrierOptions options;
    private final Kernel32Mailslots kernel32;

    public MailslotCarrier(MailslotCarrierOptions options, Kernel32Mailslots kernel32) {
        // the reader wakes within one read timeout, then closes the slot
        super(NAME, "Mailslot carrier", MAX_MESSAGE_BYTES, options.charset(),
                options.readTimeout().plusSeconds(1));
        this.options = options;
        this.kernel32 = kernel32;
    }

    /** A carrier over the real kernel32; fails with a clear message off Windows. */
    public static MailslotCarrier forThisOs(MailslotCarrierOptions options) throws CarrierException {
        Kernel32Mailslots k = Kernel32Mailslots.forThisOs().orElseThrow(() -> new CarrierException(
                "The mailslot carrier needs Windows, and this is " + System.getProperty("os.name")
                        + ": remove \"mailslot\" from the carriers setting (use udp, or netbios to reach the"
                        + " original LAN messenger)"));
        return new MailslotCarrier(options, k);
    }

    @Override
    public boolean legacy() {
        return true;
    }

    @Override
    protected void open(CarrierCallback callback) throws CarrierException {
        MailslotPath path = MailslotPath.local(options.group());
        MailslotHandle slot;
        try {
            slot = kernel32.createMailslot(path.toString(), RECEIVE_MAX_BYTES, options.readTimeoutMillis());
        } catch (Win32Exception e) {
            throw MailslotFailures.creating(path, e); // the user may close the other copy and try again
        }
        startReceiving(THREAD_PREFIX + "read-" + options.group(), new MailslotReader(kernel32, slot, path,
                RECEIVE_MAX_BYTES, options.charset(), callback, lifecycle()));
        LOG.info("Mailslot carrier receiving on {}", path);
    }

    @Override
    public void send(PeerAddress to, String recipientName, byte[] message) throws CarrierException {
        requireRunning();
        if (!NAME.equals(to.carrier())) {
            throw new CarrierException("Cannot send to " + to + " over mailslots: not a mailslot address");
        }
        if (UNKNOWN_SENDER.equals(to.address())) {
            throw new CarrierException("Cannot reply over mailslots: the message did not name its sender's computer"
                    + " in its first " + SenderName.BYTES + " bytes");
        }
        if (!SenderName.isComputerName(to.address())) {
            throw new CarrierException("Cannot send to \"" + to.address() + "\" over mailslots: not a computer name");
        }
        write(new MailslotPath(to.address(), options.group()), message);
    }

    @Override
    public void sendToAll(byte[] message) throws CarrierException {
        requireRunning();
        write(MailslotPath.everyone(options.group()), message);
    }

    private void write(MailslotPath target, byte[] message) throws CarrierException {
        if (message.length > MAX_MESSAGE_BYTES) {
            throw MailslotFailures.tooLarge(message.length);
        }
        byte[] copy = message.clone(); // the caller may reuse its array while Windows still reads ours
        MailslotHandle file;
        try {
            file = kernel32.openForWrite(target.toString());
        } catch (Win32Exception e) {
            throw MailslotFailures.sending(target, copy.length, e);
        }
        try {
            int written = kernel32.writeFile(file, copy);
            if (written != copy.length) {
                throw new CarrierException("Windows wrote only " + written + " of " + copy.length + " bytes to "
                        + target);
            }
        } catch (Win32Exception e) {
            throw MailslotFailures.sending(target, copy.length, e);
        } finally {
            try {
                kernel32.closeHandle(file);
            } catch (Win32Exception e) {
                LOG.warn("Closing {} after a write failed: {}", target, e.getMessage());
            }
        }
    }

    /** The reader closes the slot itself once it sees the carrier closed: never under a read in progress. */
    @Override
    protected void release() {
    }
}
