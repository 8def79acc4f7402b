package org.traytalk.cli;

import org.traytalk.engine.Messenger;

/** A listener attached to the node; closing it detaches the listener. */
public record Subscription(Messenger messenger, AutoCloseable handle) implements AutoCloseable {
    /** Never waits (a handle only removes a listener), so it declares no InterruptedException to the try blocks. */
    @Override
    public void close() {
        try {
            handle.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not detach a listener", e);
        }
    }
}
