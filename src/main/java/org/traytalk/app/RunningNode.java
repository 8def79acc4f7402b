package org.traytalk.app;

import java.util.List;
import org.traytalk.config.SettingsWatcher;
import org.traytalk.engine.Engine;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerException;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Peer;
import org.traytalk.store.HistoryQuery;

/** The node this process owns: the engine plus the settings watcher that feeds it. */
final class RunningNode implements Messenger {
    private final Engine engine;
    private final SettingsWatcher watcher;

    RunningNode(Engine engine, SettingsWatcher watcher) {
        this.engine = engine;
        this.watcher = watcher;
    }

    @Override
    public String localName() {
        return engine.localName();
    }

    @Override
    public ChatMessage send(String recipient, String text) throws MessengerException {
        return engine.send(recipient, text);
    }

    @Override
    public org.traytalk.engine.SendSize measure(String recipient, String text) {
        return engine.measure(recipient, text);
    }

    @Override
    public List<Peer> peers() {
        return engine.peers();
    }

    @Override
    public List<ChatMessage> history(HistoryQuery query) {
        return engine.history(query);
    }

    @Override
    public void refresh() {
        engine.refresh();
    }

    @Override
    public AutoCloseable subscribe(MessengerListener listener) {
        return engine.subscribe(listener);
    }

    @Override
    public void close() {
        watcher.close();
        engine.close();
    }
}
