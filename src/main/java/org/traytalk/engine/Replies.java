package org.traytalk.engine;

import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.traytalk.flow.Allowance;
import org.traytalk.wire.FoxMessage;

/**
 * Answers to what arrived, sent straight back where it came from: receipts and ONLINE. A packet draws at most one
 * answer, and ONLINE answers are limited, per asker and in all: the source of a DETECT can be forged, and every node
 * answering every DETECT would turn one packet into a flood toward a victim. Whoever goes unanswered still hears
 * the next ONLINE broadcast. Engine thread only.
 */
final class Replies {
    /**
     * ONLINE answers per asker (identity, or address on the original program's carriers): three at once, then one
     * every 10 seconds; a starting peer asks three times in its first seconds ({@link PresenceKeeper#REPEATS}).
     */
    static final Allowance.Rate ONLINE_PER_ASKER = new Allowance.Rate(0.1, 3);
    /**
     * Answers in all, ONLINE answers and the secure layer's questions to identities heard unasked together: 200 at
     * once, then 10 a second. An office starting together takes about two per peer at once (a question to each, an
     * answer to each), so 200 serve a hundred peers; a DETECT storm of 10,000 in 10 s draws at most 300.
     */
    static final Allowance.Rate ANSWERS_IN_ALL = new Allowance.Rate(10, 200);

    private final Router router;
    private final IntSupplier ids;
    private final Supplier<EngineOptions> options;
    private final Allowance<Object> perAsker;
    private final Allowance<Object> inAll;
    private final Refusals refusals;

    Replies(Router router, IntSupplier ids, Supplier<EngineOptions> options, Allowance<Object> perAsker,
            Allowance<Object> inAll, Refusals refusals) {
        this.router = router;
        this.ids = ids;
        this.options = options;
        this.perAsker = perAsker;
        this.inAll = inAll;
        this.refusals = refusals;
    }

    /** {@code CONF <id>} for a user message, once the batch that stored it committed. */
    void confirm(Arrival message) {
        answer(message, FoxMessage.confirmation(options.get().localName(), ids.getAsInt(), message.message().id()));
    }

    /** {@code ONLINE} for a {@code DETECT}, unless the asker or everyone together asked too often. */
    void online(Arrival detect) {
        Object asker = detect.key() != null ? detect.key().fingerprint() : detect.source();
        if (!perAsker.take(asker) || !takeAnswer(inAll)) {
            refusals.count("DETECT not answered (too many)", detect.source(), detect.sender());
            return;
        }
        answer(detect, FoxMessage.system(options.get().localName(), ids.getAsInt(), FoxMessage.ONLINE));
    }

    /** Takes one of the answers in all from {@code inAll} (an allowance of {@link #ANSWERS_IN_ALL}), if one is left. */
    static boolean takeAnswer(Allowance<Object> inAll) {
        return inAll.take(Replies.class);
    }

    private void answer(Arrival request, FoxMessage answer) {
        router.reply(request, answer);
    }
}
