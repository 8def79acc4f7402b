package org.traytalk.engine;

/**
 * How a text would travel to a recipient right now, for a live counter in a compose window.
 *
 * @param bytes    the text's size in UTF-8
 * @param maxBytes the most one message may hold ({@link EngineOptions#MAX_BODY_BYTES})
 * @param parts    how many messages it goes as: more than one when the recipient's carrier takes less (the
 *                 original program's 250-byte mailslot messages)
 * @param carrier  the carrier the recipient was last heard on, or "" for everyone / not heard yet
 */
public record SendSize(int bytes, int maxBytes, int parts, String carrier) {

    public boolean tooLong() {
        return bytes > maxBytes;
    }
}
