package org.traytalk.tray.model;

import java.util.Optional;
import org.traytalk.engine.MessengerException;

/** A call to the messenger as a window makes it: done, or why not in one plain line for the user. */
final class MessengerCalls {

    /** What is asked of the messenger. */
    @FunctionalInterface
    interface Action {
        void run() throws MessengerException;
    }

    private MessengerCalls() {
    }

    /**
     * Runs {@code action}: empty when it worked, else the messenger's refusal (its words), or {@code whenBroken}
     * and the error when something broke underneath (a closed store, say).
     */
    static Optional<String> refusal(String whenBroken, Action action) {
        try {
            action.run();
            return Optional.empty();
        } catch (MessengerException e) {
            return Optional.of(PlainText.line(String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            return Optional.of(whenBroken + ": " + PlainText.line(String.valueOf(e.getMessage())));
        }
    }
}
