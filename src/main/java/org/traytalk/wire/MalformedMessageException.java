package org.traytalk.wire;

/**
 * Bytes that are not a message in the original program's format. The only exception
 * {@link FoxMessageCodec#decode} throws for bad input; the message names the field and its offset.
 */
public final class MalformedMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    /** For framings whose message text already names the offset. */
    public MalformedMessageException(String message) {
        this(message, -1);
    }

    public MalformedMessageException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Offset of the offending field, counted from the start of the message; -1 when not recorded. */
    public int offset() {
        return offset;
    }
}
