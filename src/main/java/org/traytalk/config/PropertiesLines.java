package org.traytalk.config;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.configuration2.PropertiesConfiguration.PropertiesReader;

/**
 * Edits the lines of a .properties file in place, so the user's comments and layout survive a change. Entries are
 * found by the library's reader, the one that reads the settings. The placing is ours because
 * {@code PropertiesConfigurationLayout} puts a new key above the file's header and rewrites the untouched entries
 * (CommonsConfigurationTest shows both).
 */
final class PropertiesLines {

    private PropertiesLines() {
    }

    /**
     * The lines with {@code key} set to {@code value}: an existing entry is replaced (later duplicates
     * removed); otherwise the entry goes right below its commented-out default, or at the end.
     */
    static List<String> withValue(List<String> lines, String key, String value) throws IOException {
        String entry = entry(key, value);
        Pattern commented = Pattern.compile("^\\s*[#!]\\s*" + Pattern.quote(key) + "(\\s*[=:].*|\\s.*|)$");
        List<String> out = new ArrayList<>();
        boolean written = false;
        int commentedAt = -1;
        int copied = 0; // lines before this one are handled
        // every line terminated, so the reader's line number counts the lines an entry took
        try (PropertiesReader reader = new PropertiesReader(new StringReader(String.join("\n", lines) + "\n"))) {
            while (reader.nextProperty()) {
                int end = reader.getLineNumber();
                int start = copied + reader.getCommentLines().size(); // comments and blank lines come first
                for (; copied < start; copied++) {
                    out.add(lines.get(copied));
                    if (commented.matcher(lines.get(copied)).matches()) {
                        commentedAt = out.size();
                    }
                }
                if (key.equals(reader.getPropertyName())) {
                    if (!written) {
                        out.add(entry);
                        written = true;
                    }
                } else {
                    out.addAll(lines.subList(start, end));
                }
                copied = end;
            }
        }
        for (; copied < lines.size(); copied++) {
            out.add(lines.get(copied));
            if (commented.matcher(lines.get(copied)).matches()) {
                commentedAt = out.size();
            }
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

    /**
     * {@code key = value} with the value escaped for the settings reader. Ours, because the library's writer turns
     * every non-ASCII character into {@code \\uXXXX} in a file people edit as UTF-8 (CommonsConfigurationTest).
     */
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
                case ' ' -> sb.append(i == 0 ? "\\u0020" : " "); // the reader drops a plain leading blank
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
