package org.traytalk.wire;

import java.util.Objects;

/**
 * What a system message's body asks for. Parsed the way the original reads it: keywords are case-sensitive,
 * and {@code CONF <id>} reads its id like FoxPro {@code VAL} (leading spaces, optional sign, digits, rest ignored).
 *
 * @param kind        the kind of system message
 * @param confirmedId the id a {@link Kind#CONF} receipt confirms; 0 for every other kind
 */
public record SystemBody(Kind kind, int confirmedId) {

    public enum Kind { DETECT, ONLINE, OFFLINE, CONF, OTHER }

    public SystemBody {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.CONF && confirmedId != 0) {
            throw new IllegalArgumentException("only CONF carries a confirmed id");
        }
    }

    /** Classifies a system body; unknown or unparsable bodies are {@link Kind#OTHER}, never an exception. */
    public static SystemBody parse(String body) {
        String trimmed = stripTrailing(body);
        switch (trimmed) {
            case FoxMessage.DETECT:
                return new SystemBody(Kind.DETECT, 0);
            case FoxMessage.ONLINE:
                return new SystemBody(Kind.ONLINE, 0);
            case FoxMessage.OFFLINE:
                return new SystemBody(Kind.OFFLINE, 0);
            default:
                return trimmed.startsWith(FoxMessage.CONF_PREFIX)
                        ? parseConf(trimmed.substring(FoxMessage.CONF_PREFIX.length()))
                        : new SystemBody(Kind.OTHER, 0);
        }
    }

    private static SystemBody parseConf(String rest) {
        int i = 0;
        while (i < rest.length() && rest.charAt(i) == ' ') {
            i++;
        }
        boolean negative = i < rest.length() && rest.charAt(i) == '-';
        if (negative || i < rest.length() && rest.charAt(i) == '+') {
            i++;
        }
        int digitsStart = i;
        long value = 0;
        while (i < rest.length() && rest.charAt(i) >= '0' && rest.charAt(i) <= '9') {
            // Stop growing once past the int range, so long digit runs cannot overflow the long.
            if (value <= Integer.MAX_VALUE + 1L) {
                value = value * 10 + (rest.charAt(i) - '0');
            }
            i++;
        }
        value = negative ? -value : value;
        if (i == digitsStart || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            return new SystemBody(Kind.OTHER, 0);
        }
        return new SystemBody(Kind.CONF, (int) value);
    }

    // FoxPro string comparison ignores trailing blanks, so padding must not change the meaning.
    private static String stripTrailing(String body) {
        int end = body.length();
        while (end > 0 && (body.charAt(end - 1) == ' ' || body.charAt(end - 1) == 0)) {
            end--;
        }
        return body.substring(0, end);
    }
}
