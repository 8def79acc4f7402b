package org.traytalk.cli;

import org.traytalk.engine.Messenger;

/** A listener attached to the node; closing it detaches the listener. */
public record Subscription(Messenger messenger, AutoCloseable handle) implements AutoCloseable {
    @Override
    public void close() throws Exception {
        handle.close();
    }
}
