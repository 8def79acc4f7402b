package org.traytalk.carrier.mailslot;

import java.util.Locale;
import java.util.Optional;

/**
 * The few kernel32 calls a mailslot carrier needs, so the carrier runs against a fake off Windows.
 * Failures throw {@link Win32Exception}; a read that times out is a result ({@link #READ_TIMED_OUT}), since
 * it is the normal way a blocked reader wakes up.
 */
public interface Kernel32Mailslots {

    /** {@link MailslotInfo#nextSize()} when no message waits ({@code (DWORD) -1}). */
    int MAILSLOT_NO_MESSAGE = -1;
    /** A read timeout that blocks until a message arrives ({@code (DWORD) -1}). */
    int MAILSLOT_WAIT_FOREVER = -1;
    /** What {@link #readFile} returns when the slot's read timeout passed without a message. */
    int READ_TIMED_OUT = -1;

    /** {@code CreateMailslot(name, maxMessageSize, readTimeout, NULL)}; name like {@code \\.\mailslot\FOXAPP}. */
    MailslotHandle createMailslot(String name, int maxMessageSize, int readTimeoutMs) throws Win32Exception;

    /** {@code GetMailslotInfo} on a handle from {@link #createMailslot}. */
    MailslotInfo getMailslotInfo(MailslotHandle slot) throws Win32Exception;

    /**
     * {@code ReadFile} of one whole message, blocking up to the slot's read timeout.
     *
     * @return bytes read (0 for an empty message) or {@link #READ_TIMED_OUT}
     * @throws Win32Exception e.g. {@code ERROR_INSUFFICIENT_BUFFER} when the next message does not fit; it stays queued
     */
    int readFile(MailslotHandle slot, byte[] buffer) throws Win32Exception;

    /** {@code CreateFile(path, GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL)}. */
    MailslotHandle openForWrite(String path) throws Win32Exception;

    /** {@code WriteFile} of one message; returns the bytes written. */
    int writeFile(MailslotHandle file, byte[] message) throws Win32Exception;

    void closeHandle(MailslotHandle handle) throws Win32Exception;

    /** The calling thread's last error, as {@code GetLastError} would report it right after a failed call. */
    Win32Error lastError();

    /** The real kernel32 on Windows; empty elsewhere (JNA is not touched then). */
    static Optional<Kernel32Mailslots> forThisOs() {
        return isWindows(System.getProperty("os.name", "")) ? Optional.of(new JnaKernel32Mailslots())
                : Optional.empty();
    }

    static boolean isWindows(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
