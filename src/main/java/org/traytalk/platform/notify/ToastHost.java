package org.traytalk.platform.notify;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The process that shows Windows toasts for TrayTalk and reports clicks (Windows PowerShell in the app, a fake in
 * tests). It reads one command per line and writes one event per line ({@link ToastHostLines}).
 */
interface ToastHost extends AutoCloseable {

    /** Starts a host whose event lines go to {@code lines}, on a thread of its own. */
    @FunctionalInterface
    interface Starter {
        ToastHost start(Consumer<String> lines) throws IOException;
    }

    /** One command line, e.g. from {@link ToastHostLines#show}. */
    void send(String line) throws IOException;

    /** Whether the host still runs. */
    boolean alive();

    @Override
    void close();
}
