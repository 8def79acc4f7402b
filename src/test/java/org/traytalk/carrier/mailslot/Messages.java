package org.traytalk.carrier.mailslot;

import java.nio.charset.Charset;

/** Messages in the original's layout, built by hand so carrier tests do not depend on the wire codec. */
final class Messages {

    private Messages() {
    }

    /** Sender padded to 24, id right-aligned in 12, no confirmation, user message, then the body; windows-1252. */
    static byte[] fox(String sender, int id, String body) {
        String header = String.format("%-24s%12d00", sender, id);
        return (header + body).getBytes(Charset.forName("windows-1252"));
    }
}
