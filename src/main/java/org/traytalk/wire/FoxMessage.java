package org.traytalk.wire;

import java.util.Objects;

/**
 * One message in the original FoxPro program's format (docs/PROTOCOL.md, "The message").
 * Immutable; the same on every carrier, only the text encoding of the bytes differs.
 *
 * @param sender           sender's computer or display name, without padding (1..24 bytes once encoded)
 * @param id               message id; TrayTalk allocates 1..2,147,483,647, decoded ids may be any int
 * @param confirmRequested the sender asks for a {@code CONF <id>} receipt
 * @param system           a system message (DETECT, ONLINE, OFFLINE, CONF n) rather than user text
 * @param body             message text, may be empty
 */
public record FoxMessage(String sender, int id, boolean confirmRequested, boolean system, String body) {

    public static final int SENDER_BYTES = 24;
    public static final int ID_CHARS = 12;
    public static final int HEADER_BYTES = SENDER_BYTES + ID_CHARS + 2;
    /** The original creates its mailslot with this maximum message size. */
    public static final int LEGACY_MAX_BYTES = 250;

    public static final String DETECT = "DETECT";
    public static final String ONLINE = "ONLINE";
    public static final String OFFLINE = "OFFLINE";
    public static final String CONF_PREFIX = "CONF ";

    public FoxMessage {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
        if (sender.isBlank()) {
            throw new IllegalArgumentException("sender name is empty");
        }
    }

    /** A user message: the original sends these with confirmation requested. */
    public static FoxMessage user(String sender, int id, String body) {
        return new FoxMessage(sender, id, true, false, body);
    }

    /** A system message, as the original sends them (DETECT asks for a confirmation, the rest do not). */
    public static FoxMessage system(String sender, int id, String body) {
        return new FoxMessage(sender, id, DETECT.equals(body), true, body);
    }

    public static FoxMessage confirmation(String sender, int id, int confirmedId) {
        return new FoxMessage(sender, id, false, true, CONF_PREFIX + confirmedId);
    }
}
