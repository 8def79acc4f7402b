package org.traytalk.carrier.mailslot;

/**
 * An opaque kernel handle returned by {@link Kernel32Mailslots}: a mailslot (read side) or a file opened for
 * writing to one. Only the implementation that issued it interprets the value.
 */
public record MailslotHandle(long value) {

    @Override
    public String toString() {
        return "handle 0x" + Long.toHexString(value);
    }
}
