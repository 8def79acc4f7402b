package org.traytalk.tray.model;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** A background thread and the UI thread as two queues the test runs by hand. */
final class QueuedThreads {
    final ArrayDeque<Runnable> background = new ArrayDeque<>();
    final ArrayDeque<Runnable> ui = new ArrayDeque<>();

    Executor background() {
        return background::add;
    }

    Executor ui() {
        return ui::add;
    }

    /** Runs what is queued, and what that queues, until both are empty. */
    void runAll() {
        while (!background.isEmpty() || !ui.isEmpty()) {
            while (!background.isEmpty()) {
                background.poll().run();
            }
            while (!ui.isEmpty()) {
                ui.poll().run();
            }
        }
    }
}
