package org.traytalk.carrier.mailslot;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link MailslotCarrier} runs.
 *
 * @param group       mailslot name every member shares; upper-cased like the original does ({@code FOXAPP})
 * @param charset     the legacy peers' ANSI code page, e.g. windows-1252
 * @param readTimeout how long the reader blocks in one {@code ReadFile}; bounds how long {@code close()} takes
 */
public record MailslotCarrierOptions(String group, Charset charset, Duration readTimeout) {

    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(500);
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.$-]{1,64}");

    public MailslotCarrierOptions {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (!GROUP.matcher(group).matches()) {
            throw new IllegalArgumentException("a group (mailslot) name is 1 to 64 of A-Z a-z 0-9 _ . $ -: " + group);
        }
        group = group.toUpperCase(Locale.ROOT);
        if (readTimeout.toMillis() < 1 || readTimeout.toMillis() > 60_000) {
            throw new IllegalArgumentException("mailslot read timeout must be 1 ms to 60 s: " + readTimeout);
        }
    }

    public MailslotCarrierOptions(String group, Charset charset) {
        this(group, charset, DEFAULT_READ_TIMEOUT);
    }

    int readTimeoutMillis() {
        return (int) readTimeout.toMillis();
    }
}
