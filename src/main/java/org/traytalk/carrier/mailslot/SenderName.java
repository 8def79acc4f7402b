package org.traytalk.carrier.mailslot;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * A mailslot does not say who wrote a message, so the reply address is the sender computer name in the
 * message's first 24 bytes, space-padded in the legacy code page. The only bytes of a payload this carrier reads.
 */
final class SenderName {

    static final int BYTES = 24;

    private final Charset charset;

    SenderName(Charset charset) {
        this.charset = charset;
    }

    /** The trimmed name, or empty when the payload is too short or the field cannot name a computer. */
    Optional<String> of(byte[] payload) {
        if (payload.length < BYTES) {
            return Optional.empty();
        }
        String name = trim(new String(payload, 0, BYTES, charset));
        return isComputerName(name) ? Optional.of(name) : Optional.empty();
    }

    /** Whether {@code \\name\mailslot\...} would address exactly one computer. */
    static boolean isComputerName(String name) {
        if (name.isEmpty() || name.equals(MailslotPath.LOCAL) || name.equals(MailslotPath.EVERYONE)) {
            return false;
        }
        return name.chars().noneMatch(c -> c < 0x20 || c == '\\' || c == '/' || c == '*' || c == '?');
    }

    private static String trim(String field) {
        int end = field.length();
        while (end > 0 && (field.charAt(end - 1) == ' ' || field.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        while (start < end && field.charAt(start) == ' ') {
            start++;
        }
        return field.substring(start, end);
    }
}
