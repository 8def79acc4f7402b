package org.traytalk.platform.notify;

import org.traytalk.platform.notify.DesktopNotifications.Notice;
import org.traytalk.text.SafeText;

/**
 * The XML of one Windows toast: the generic template with the title on one line and the text below. Everything
 * from the network is escaped here, and clipped so that the toast stays under Windows' 5 KB payload limit. Pure.
 */
final class ToastXml {
    static final int TITLE_CHARS = 64;
    /** A toast shows a few lines; 500 characters, each escaped to at most 6, keep the payload under 5 KB. */
    static final int BODY_CHARS = 500;
    /** What Windows refuses to show. */
    static final int MAX_PAYLOAD_BYTES = 5 * 1024;

    private ToastXml() {
    }

    static String of(Notice notice) {
        return "<toast><visual><binding template=\"ToastGeneric\">"
                + "<text hint-maxLines=\"1\">" + escape(clip(SafeText.sanitize(notice.title()), TITLE_CHARS)) + "</text>"
                + "<text>" + escape(clip(SafeText.sanitize(notice.body()), BODY_CHARS)) + "</text>"
                + "</binding></visual></toast>";
    }

    /**
     * Text as XML 1.0 character data or attribute value: the five special characters as entities, characters XML
     * does not allow (controls but tab and line ends, U+FFFE, U+FFFF) left out, an unpaired surrogate as U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else if (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** At most {@code max} code points, the last an ellipsis when cut; never splits a surrogate pair. */
    static String clip(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + '\u2026';
    }
}
