package org.traytalk.carrier.mailslot;

/**
 * What {@code GetMailslotInfo} reports about a mailslot.
 *
 * @param maxMessageSize largest message the slot accepts, 0 for any size
 * @param nextSize       size of the next message, or {@link Kernel32Mailslots#MAILSLOT_NO_MESSAGE}
 * @param messageCount   messages waiting
 * @param readTimeout    read timeout in milliseconds, or {@link Kernel32Mailslots#MAILSLOT_WAIT_FOREVER}
 */
public record MailslotInfo(int maxMessageSize, int nextSize, int messageCount, int readTimeout) {

    public boolean hasMessage() {
        return nextSize != Kernel32Mailslots.MAILSLOT_NO_MESSAGE;
    }
}
