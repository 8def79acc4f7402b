package org.traytalk.tray.model;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;

/**
 * Hands messenger events (which arrive on the engine thread) to the UI thread, so the models in this package
 * are touched by one thread only. Use {@code SwingUtilities::invokeLater} in the app, {@code Runnable::run} in tests.
 */
public final class OnThread implements MessengerListener {
    private final Executor thread;
    private final MessengerListener target;

    private OnThread(Executor thread, MessengerListener target) {
        this.thread = Objects.requireNonNull(thread);
        this.target = Objects.requireNonNull(target);
    }

    public static MessengerListener of(Executor thread, MessengerListener target) {
        return new OnThread(thread, target);
    }

    @Override
    public void messageReceived(ChatMessage message) {
        thread.execute(() -> target.messageReceived(message));
    }

    @Override
    public void messageUpdated(ChatMessage message) {
        thread.execute(() -> target.messageUpdated(message));
    }

    @Override
    public void conversationRead(Conversation now) {
        thread.execute(() -> target.conversationRead(now));
    }

    @Override
    public void statusChanged(String name, Status status) {
        thread.execute(() -> target.statusChanged(name, status));
    }

    @Override
    public void peerOnline(Peer peer) {
        thread.execute(() -> target.peerOnline(peer));
    }

    @Override
    public void peerOffline(Peer peer) {
        thread.execute(() -> target.peerOffline(peer));
    }

    @Override
    public void keyChanged(KeyChange change) {
        thread.execute(() -> target.keyChanged(change));
    }

    @Override
    public void problem(String text) {
        thread.execute(() -> target.problem(text));
    }
}
