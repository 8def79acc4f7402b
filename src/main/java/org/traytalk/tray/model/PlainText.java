package org.traytalk.tray.model;

import java.util.Arrays;
import org.traytalk.text.SafeText;

/**
 * Makes text from the network safe to show as plain text. Nothing here interprets markup.
 *
 * <p>How the Swing layer must use it: show message text with {@code JTextArea.setText} (line wrap on, word wrap on:
 * Swing then breaks a word longer than the line between characters). {@code JLabel}, {@code JMenuItem},
 * {@code JButton} and tooltips render a text that starts with {@code <html>} as HTML (and would load images from
 * it): give them only {@link #notHtml}/{@link #label} output. A UI that builds HTML on purpose escapes every piece
 * with {@link #htmlEscape}.
 */
public final class PlainText {
    /** A name in a menu or title is clipped to this many characters, ellipsis included. */
    public static final int NAME_CHARS = 32;
    /** Longest run without a break opportunity that {@link #withBreaks} leaves. */
    public static final int WORD_RUN = 64;
    static final char ELLIPSIS = '\u2026';
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private PlainText() {
    }

    /** See {@link SafeText#sanitize}: what every text from the network goes through before it is shown. */
    public static String sanitize(String text) {
        return SafeText.sanitize(text);
    }

    /** Sanitized, on one line: each run of whitespace (line ends, tabs) becomes one space; trimmed. */
    public static String line(String text) {
        return sanitize(text).replaceAll("\\s+", " ").strip();
    }

    /** A name or other network string for a menu entry, title or tooltip: one line, clipped, never HTML. */
    public static String label(String text) {
        return notHtml(clip(line(text), NAME_CHARS, 1).text());
    }

    /** Text Swing will not take for HTML: one that starts with '<' gets an invisible zero-width space in front. */
    public static String notHtml(String text) {
        return text.startsWith("<") ? ZERO_WIDTH_SPACE + text : text;
    }

    /** For a UI that builds HTML on purpose: see {@link SafeText#htmlEscape}. */
    public static String htmlEscape(String text) {
        return SafeText.htmlEscape(text);
    }

    /** A clipped text and whether anything was cut off. */
    public record Clipped(String text, boolean clipped) {
    }

    /**
     * At most {@code maxChars} code points (an ellipsis included when cut) and at most {@code maxLines} lines;
     * never splits a surrogate pair.
     */
    public static Clipped clip(String text, int maxChars, int maxLines) {
        int end = text.length();
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && ++lines > maxLines) {
                end = i;
                break;
            }
        }
        if (text.codePointCount(0, end) > maxChars) {
            end = text.offsetByCodePoints(0, Math.max(0, maxChars - 1));
        }
        if (end == text.length()) {
            return new Clipped(text, false);
        }
        return new Clipped(text.substring(0, end).stripTrailing() + ELLIPSIS, true);
    }

    /**
     * Offsets (in chars, ascending) where a line may be broken inside a run of more than {@code maxRun} code points
     * without whitespace: after every {@code maxRun} code points of the run. Lets a layout wrap a 32 KiB "word".
     */
    public static int[] wrapPoints(String text, int maxRun) {
        int[] points = new int[8];
        int count = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (Character.isWhitespace(text.codePointAt(i)) || text.charAt(i) == ZERO_WIDTH_SPACE) {
                run = 0;
            } else if (++run > maxRun) {
                if (count == points.length) {
                    points = Arrays.copyOf(points, count * 2);
                }
                points[count++] = i;
                run = 1;
            }
        }
        return Arrays.copyOf(points, count);
    }

    /**
     * The text with a zero-width space at each of its {@link #wrapPoints}, for components that wrap only at break
     * opportunities. For display only: the inserted characters would end up in a copied URL.
     */
    public static String withBreaks(String text, int maxRun) {
        int[] points = wrapPoints(text, maxRun);
        if (points.length == 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + points.length);
        int from = 0;
        for (int p : points) {
            out.append(text, from, p).append(ZERO_WIDTH_SPACE);
            from = p;
        }
        return out.append(text, from, text.length()).toString();
    }
}
