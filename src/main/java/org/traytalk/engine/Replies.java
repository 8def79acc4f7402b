package org.traytalk.engine;

import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.traytalk.wire.FoxMessage;

/** Answers to what arrived, sent straight back where it came from: receipts and ONLINE. Engine thread only. */
final class Replies {
    private final Router router;
    private final IntSupplier ids;
    private final Supplier<EngineOptions> options;

    Replies(Router router, IntSupplier ids, Supplier<EngineOptions> options) {
        this.router = router;
        this.ids = ids;
        this.options = options;
    }

    /** {@code CONF <id>} for a user message, once the batch that stored it committed. */
    void confirm(Arrival message) {
        answer(message, FoxMessage.confirmation(options.get().localName(), ids.getAsInt(), message.message().id()));
    }

    /** {@code ONLINE} for a {@code DETECT}. */
    void online(Arrival detect) {
        answer(detect, FoxMessage.system(options.get().localName(), ids.getAsInt(), FoxMessage.ONLINE));
    }

    private void answer(Arrival request, FoxMessage answer) {
        router.reply(request, answer);
    }
}
