package org.traytalk.tray.model;

import org.traytalk.engine.SendSize;

/** The byte counter under a text being written: size, limit, and whether a legacy peer gets it in parts. */
public final class SendSizeText {
    private SendSizeText() {
    }

    /** E.g. "1,204 / 32,768 bytes – arrives as 6 messages (mailslot takes less)". */
    public static String of(SendSize size) {
        String text = String.format("%,d / %,d bytes", size.bytes(), size.maxBytes());
        if (size.tooLong()) {
            return text + " \u2013 too long, please shorten it";
        }
        if (size.parts() > 1) {
            return text + " \u2013 arrives as " + size.parts() + " messages (" + size.carrier() + " takes less)";
        }
        return text;
    }
}
