package org.traytalk.carrier.mailslot;

import java.util.Locale;
import java.util.Optional;

/**
 * A mailslot path {@code \\host\mailslot\name}: host {@code .} is this computer, {@code *} every computer of
 * the primary domain or workgroup, anything else one computer by name. Hosts and names compare case-insensitively.
 */
record MailslotPath(String host, String name) {

    static final String LOCAL = ".";
    static final String EVERYONE = "*";
    private static final String KEYWORD = "mailslot";

    static MailslotPath local(String name) {
        return new MailslotPath(LOCAL, name);
    }

    static MailslotPath everyone(String name) {
        return new MailslotPath(EVERYONE, name);
    }

    /** Parses {@code \\host\mailslot\name}; the name may not contain further backslashes. */
    static Optional<MailslotPath> parse(String path) {
        if (path == null || !path.startsWith("\\\\")) {
            return Optional.empty();
        }
        String[] parts = path.substring(2).split("\\\\", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty() || !KEYWORD.equalsIgnoreCase(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(new MailslotPath(parts[0], parts[2]));
    }

    boolean isLocal() {
        return LOCAL.equals(host);
    }

    boolean isEveryone() {
        return EVERYONE.equals(host);
    }

    /** The case-folded name, the key under which a computer files its slots. */
    String key() {
        return name.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "\\\\" + host + "\\" + KEYWORD + "\\" + name;
    }
}
