package org.traytalk.wire;

import java.nio.charset.StandardCharsets;

/**
 * What a name on the wire may be: 1..24 bytes of UTF-8, no control characters, no invisible format characters
 * (bidi overrides, zero-width joiners, byte-order marks) and no line separators, and no blanks at either end; so two
 * names that look the same are the same name.
 */
public final class PeerNames {
    public static final int MAX_BYTES = FoxMessage.SENDER_BYTES;

    private PeerNames() {
    }

    /** Why the name cannot be used, or null when it can. */
    public static String problem(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_BYTES) {
            return "a name has 1 to " + MAX_BYTES + " bytes in UTF-8, this one " + bytes;
        }
        return characterProblem(name);
    }

    /**
     * As {@link #problem}, but for a name whose length its field already bounds: the original program's 24-byte
     * sender, which may be in a code page where a name of 24 characters takes more than 24 bytes of UTF-8.
     */
    public static String characterProblem(String name) {
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                return String.format("a name cannot hold the invisible or control character U+%04X", c);
            }
            i += Character.charCount(c);
        }
        if (!name.strip().equals(name)) {
            return "a name does not start or end with blanks";
        }
        return null;
    }

    /** Reads a name field; refuses what {@link #problem} refuses. */
    public static String read(FieldReader in, String field) throws MalformedMessageException {
        int at = in.position();
        String name = in.utf8(in.length(field + " length", MAX_BYTES), field);
        String problem = problem(name);
        if (problem != null) {
            throw new MalformedMessageException(field + " at offset " + at + ": " + problem, at);
        }
        return name;
    }
}
