package org.traytalk.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a user typed into an FTS5 query that cannot be a syntax error: every word and phrase becomes a
 * quoted FTS5 string, so operators, columns and stray punctuation are searched for as text.
 * Supports words (all must match), {@code word*} prefixes and {@code "quoted phrases"}; an unclosed quote is
 * ignored and the rest read as words.
 */
final class SearchExpression {

    private SearchExpression() {
    }

    /** Empty when the text holds nothing to search for. */
    static Optional<String> of(String userText) {
        if (userText == null) {
            return Optional.empty();
        }
        List<String> terms = new ArrayList<>();
        int i = 0;
        int n = userText.length();
        while (i < n) {
            char c = userText.charAt(i);
            if (isSeparator(c)) {
                i++;
            } else if (c == '"' && userText.indexOf('"', i + 1) > 0) {
                int close = userText.indexOf('"', i + 1);
                boolean prefix = close + 1 < n && userText.charAt(close + 1) == '*';
                addTerm(terms, userText.substring(i + 1, close).replaceAll("\\p{Cntrl}", " "), prefix);
                i = close + (prefix ? 2 : 1);
            } else if (c == '"') {
                i++; // an unclosed quote: read on as plain words
            } else {
                int end = i;
                while (end < n && !isSeparator(userText.charAt(end)) && userText.charAt(end) != '"') {
                    end++;
                }
                String word = userText.substring(i, end);
                String stem = word.replaceAll("\\*+$", "");
                addTerm(terms, stem, stem.length() < word.length());
                i = end;
            }
        }
        return terms.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", terms));
    }

    /** Control characters separate too: FTS5 reads a NUL as the end of the query, leaving a quote open. */
    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c);
    }

    private static void addTerm(List<String> terms, String text, boolean prefix) {
        if (text.isBlank()) {
            return;
        }
        terms.add('"' + text.replace("\"", "\"\"") + '"' + (prefix ? "*" : ""));
    }
}
