package org.traytalk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.traytalk.model.Conversation;
import org.traytalk.model.HistoryQuery;
import org.traytalk.store.MessageStore;
import org.traytalk.store.SqliteMessageStore;
import org.traytalk.tray.model.ConversationsModel;

/**
 * History with a million stored messages: how long searches take (as the conversations window's search asks: up to
 * {@link ConversationsModel#SEARCH_LIMIT} hits, newest first, over all conversations or one), and how long the reads
 * take that the conversations window waits for when it opens (the list of conversations and peers, then the newest
 * conversation's last {@link ConversationsModel#CONVERSATION_LIMIT} messages). Drawing the window is not included.
 * The store is filled once (about 60 peers, a tenth broadcasts, 4 to 20 words from a 5,000-word vocabulary in which
 * a few words are common and most rare) and kept for later runs.
 *
 * <pre>mvn -q -B test-compile exec:java@history-bench -Dexec.args="--messages 1000000 --store /tmp/history-1m.db"</pre>
 */
public final class HistoryBenchmark {
    private static final int PEERS = 60;
    private static final int VOCABULARY = 5_000;
    private static final int ROUNDS = 40;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int count = Integer.parseInt(options.getOrDefault("messages", "1000000"));
        Path file = Path.of(options.getOrDefault("store", "target/history-" + count + ".db"));
        boolean fill = !Files.exists(file);
        try (MessageStore store = SqliteMessageStore.open(file, Clock.systemUTC(), new SecureRandom())) {
            if (fill) {
                long t0 = System.nanoTime();
                fill(store, count);
                System.out.printf("filled %s with %,d messages in %.1f s%n", file, count, seconds(t0));
            }
            long t0 = System.nanoTime();
            int found = store.history(new HistoryQuery(null, "w17", ConversationsModel.SEARCH_LIMIT)).size();
            System.out.printf("first search (indexes what the background has not yet): %.0f ms, %d hits%n",
                    (System.nanoTime() - t0) / 1e6, found);
            searches(store);
            windowReads(store);
        }
    }

    /** Received messages from 60 peers through the store's own API, as reception saves them (also FootprintBenchmark). */
    static void fill(MessageStore store, int count) {
        Random random = new Random(42);
        Instant at = Instant.parse("2020-01-01T08:00:00Z");
        int chunk = 10_000;
        for (int done = 0; done < count; done += chunk) {
            int start = done;
            int end = Math.min(count, done + chunk);
            Instant from = at.plusSeconds(start * 60L);
            store.batch(() -> {
                for (int i = start; i < end; i++) {
                    String peer = String.format("PEER%02d", 1 + (int) (PEERS * Math.pow(random.nextDouble(), 2)));
                    Instant when = from.plusSeconds((i - start) * 60L);
                    store.saveInbound(peer, null, i & 0xffff, text(random), random.nextInt(10) == 0, when, when);
                }
                return null;
            });
        }
    }

    /** Words w0..w4999: w0 is in about every other message, w17 in one in twenty, w4000 in one in 6,000. */
    private static String text(Random random) {
        int words = 4 + random.nextInt(17);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            text.append(w == 0 ? "" : " ").append('w').append((int) (VOCABULARY * Math.pow(random.nextDouble(), 4)));
        }
        return text.toString();
    }

    private static void searches(MessageStore store) {
        String newest = newestPeer(store);
        Map<String, Supplier<HistoryQuery>> kinds = new LinkedHashMap<>();
        kinds.put("common word (w0)", () -> new HistoryQuery(null, "w0", ConversationsModel.SEARCH_LIMIT));
        kinds.put("middling word (w17)", () -> new HistoryQuery(null, "w17", ConversationsModel.SEARCH_LIMIT));
        kinds.put("rare word (w4000)", () -> new HistoryQuery(null, "w4000", ConversationsModel.SEARCH_LIMIT));
        kinds.put("two words (w3 w4)", () -> new HistoryQuery(null, "w3 w4", ConversationsModel.SEARCH_LIMIT));
        kinds.put("prefix (w12*)", () -> new HistoryQuery(null, "w12*", ConversationsModel.SEARCH_LIMIT));
        kinds.put("phrase (\"w1 w2\")", () -> new HistoryQuery(null, "\"w1 w2\"", ConversationsModel.SEARCH_LIMIT));
        kinds.put("no hit (nothing)", () -> new HistoryQuery(null, "nothing", ConversationsModel.SEARCH_LIMIT));
        kinds.put("one peer, middling", () -> new HistoryQuery(newest, "w17", ConversationsModel.SEARCH_LIMIT));
        List<Double> all = new ArrayList<>();
        System.out.printf("%-22s | hits | p50 ms | p95 ms | max ms   (%d rounds)%n", "search", ROUNDS);
        for (var kind : kinds.entrySet()) {
            double[] ms = new double[ROUNDS];
            int hits = 0;
            for (int r = 0; r < ROUNDS; r++) {
                long t0 = System.nanoTime();
                hits = store.history(kind.getValue().get()).size();
                ms[r] = (System.nanoTime() - t0) / 1e6;
                all.add(ms[r]);
            }
            Arrays.sort(ms);
            System.out.printf("%-22s | %4d | %6.1f | %6.1f | %6.1f%n", kind.getKey(), hits, percentile(ms, 50),
                    percentile(ms, 95), ms[ms.length - 1]);
        }
        double[] every = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("all searches: p50 %.1f ms, p95 %.1f ms (goal < 50 ms)%n", percentile(every, 50),
                percentile(every, 95));
    }

    private static void windowReads(MessageStore store) {
        double[] ms = new double[ROUNDS];
        int conversations = 0;
        int messages = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            List<Conversation> list = store.conversations();
            store.peers();
            messages = store.history(new HistoryQuery(list.get(0).key(), null,
                    ConversationsModel.CONVERSATION_LIMIT)).size();
            ms[r] = (System.nanoTime() - t0) / 1e6;
            conversations = list.size();
        }
        Arrays.sort(ms);
        System.out.printf("conversations window's reads at opening (%d conversations, then %d messages): p50 %.1f ms,"
                + " p95 %.1f ms, max %.1f ms (goal for the whole opening < 300 ms)%n", conversations, messages,
                percentile(ms, 50), percentile(ms, 95), ms[ms.length - 1]);
    }

    private static String newestPeer(MessageStore store) {
        return store.conversations().stream().map(Conversation::key).filter(k -> !k.equals("*")).findFirst()
                .orElseThrow();
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("options come as --name value: " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come as --name value: " + Arrays.toString(args));
        }
        return options;
    }
}
