package org.traytalk.cli;

/**
 * Makes any message text fit on one line of output: backslash, line breaks (also U+2028/U+2029, which Python's
 * splitlines and JavaScript break on) and control characters escaped.
 */
final class TextEscape {
    private TextEscape() {
    }

    static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (needsCode(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Controls, bidi embeddings/overrides/isolates (they reorder what a terminal shows), and U+2028/U+2029. */
    private static boolean needsCode(char c) {
        return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u2028' || c == '\u2029';
    }
}
