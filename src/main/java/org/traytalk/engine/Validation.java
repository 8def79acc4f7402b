package org.traytalk.engine;

import java.nio.charset.StandardCharsets;
import org.traytalk.model.ChatMessage;
import org.traytalk.wire.FoxMessage;

/** Checks a send request before anything is stored, with messages a user can act on. */
final class Validation {
    private Validation() {
    }

    static void checkSend(String recipient, String text) throws MessengerException {
        if (recipient == null || recipient.isBlank()) {
            throw new MessengerException("No recipient: give a name, or * for everyone");
        }
        String name = recipient.trim();
        if (!ChatMessage.EVERYONE.equals(name)) {
            int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (nameBytes > FoxMessage.SENDER_BYTES) {
                throw new MessengerException("\"" + name + "\" cannot be a TrayTalk name: names are at most "
                        + FoxMessage.SENDER_BYTES + " bytes, this one is " + nameBytes);
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                throw new MessengerException("The recipient name contains control characters");
            }
        }
        if (text == null || text.isBlank()) {
            throw new MessengerException("The message is empty");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > EngineOptions.MAX_BODY_BYTES) {
            throw new MessengerException(String.format(
                    "The message is too long: %,d bytes, at most %,d bytes (about %,d plain characters) fit in one message",
                    bytes, EngineOptions.MAX_BODY_BYTES, EngineOptions.MAX_BODY_BYTES));
        }
    }
}
