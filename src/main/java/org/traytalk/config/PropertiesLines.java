package org.traytalk.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Edits the lines of a .properties file in place, so the user's comments and layout survive a change. */
final class PropertiesLines {

    private PropertiesLines() {
    }

    /**
     * The lines with {@code key} set to {@code value}: an existing entry is replaced (later duplicates
     * removed); otherwise the entry goes right below its commented-out default, or at the end.
     */
    static List<String> withValue(List<String> lines, String key, String value) {
        String entry = entry(key, value);
        List<String> out = new ArrayList<>();
        boolean written = false;
        int commentedAt = -1;
        Pattern commented = Pattern.compile("^\\s*[#!]\\s*" + Pattern.quote(key) + "(\\s*[=:].*|\\s.*|)$");
        for (int i = 0; i < lines.size(); i++) {
            int last = lastPhysicalLine(lines, i);
            if (key.equals(keyOf(lines.get(i)))) {
                if (!written) {
                    out.add(entry);
                    written = true;
                }
                i = last; // drop the old entry together with its continuation lines
                continue;
            }
            for (int j = i; j <= last; j++) {
                out.add(lines.get(j));
            }
            if (commented.matcher(lines.get(i)).matches()) {
                commentedAt = out.size();
            }
            i = last;
        }
        if (!written) {
            if (commentedAt >= 0) {
                out.add(commentedAt, entry);
            } else {
                if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
                    out.add("");
                }
                out.add(entry);
            }
        }
        return out;
    }

    /** {@code key = value} with the value escaped for a properties reader. */
    static String entry(String key, String value) {
        StringBuilder sb = new StringBuilder(key).append(" = ");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                case ' ' -> sb.append(i == 0 ? "\\ " : " "); // a leading blank would be eaten by the reader
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The key of an entry line, or null for blank lines and comments. */
    static String keyOf(String line) {
        String s = line.stripLeading();
        if (s.isEmpty() || s.charAt(0) == '#' || s.charAt(0) == '!') {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                key.append(s.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** Index of the last physical line of the logical line starting at {@code start}. */
    private static int lastPhysicalLine(List<String> lines, int start) {
        int i = start;
        if (keyOf(lines.get(i)) == null) {
            return i; // comments never continue
        }
        while (i + 1 < lines.size() && endsWithOddBackslashes(lines.get(i))) {
            i++;
        }
        return i;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
