package org.traytalk.model;

/**
 * What part of history to list, newest first.
 *
 * @param peer   only the conversation with this peer (case-insensitive), {@code *} for broadcasts; null for all
 * @param search full-text search terms (words, prefix with {@code word*}, phrases in quotes); null for none
 * @param limit  at most this many messages, 1..10,000
 */
public record HistoryQuery(String peer, String search, int limit) {
    /** The most messages one read returns. */
    public static final int MAX_LIMIT = 10_000;

    public HistoryQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static HistoryQuery latest(int limit) {
        return new HistoryQuery(null, null, limit);
    }
}
