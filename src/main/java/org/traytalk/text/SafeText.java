package org.traytalk.text;

/**
 * The rules that make text from the network safe to show or to write into a file someone opens: no control
 * characters but line ends and tabs, no bidi controls that reorder what is shown, and HTML escaped where HTML is
 * built. Pure; used by the tray (through its PlainText) and by the exports.
 */
public final class SafeText {

    private SafeText() {
    }

    /**
     * Line ends become {@code \n}; tabs and line ends stay; every other control character (C0, DEL, C1) and every
     * bidi override, embedding, isolate and mark (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C) is
     * removed; an unpaired surrogate becomes U+FFFD. Null becomes "".
     */
    public static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (Character.isISOControl(c) || isBidiControl(c)) {
                continue;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    /** For a UI that builds HTML on purpose: escapes the characters HTML gives meaning to. */
    public static String htmlEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

}
