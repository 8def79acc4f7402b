package org.traytalk.cli;

/** Makes any message text fit on one line of output: backslash, line breaks and control characters escaped. */
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
                    if (Character.isISOControl(c) || c == '\u202E' || c == '\u202D' || c == '\u2066' || c == '\u2067'
                            || c == '\u2068' || c == '\u2069' || c == '\u202A' || c == '\u202B' || c == '\u202C') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
