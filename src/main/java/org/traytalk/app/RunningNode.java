package org.traytalk.app;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.traytalk.config.Settings;
import org.traytalk.config.SettingsFile;
import org.traytalk.config.SettingsWatcher;
import org.traytalk.engine.Engine;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerException;
import org.traytalk.engine.MessengerListener;
import org.traytalk.engine.SendSize;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.Fingerprint;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;

/** The node this process owns: the engine plus the settings watcher that feeds it. */
final class RunningNode implements Messenger {
    private final Engine engine;
    private final SettingsWatcher watcher;
    private final ScheduledExecutorService housekeeping;
    private final SettingsFile settingsFile;
    private volatile Settings settings;

    /** @param housekeeping the node's thread for light periodic work, stopped with the node */
    RunningNode(Engine engine, SettingsWatcher watcher, ScheduledExecutorService housekeeping,
                SettingsFile settingsFile, Settings settings) {
        this.engine = engine;
        this.watcher = watcher;
        this.housekeeping = housekeeping;
        this.settingsFile = settingsFile;
        this.settings = settings;
        watcher.subscribe(changed -> this.settings = changed.settings());
    }

    /** The node's one thread for light periodic work; what else needs a clock shares it (the tray's timers). */
    ScheduledExecutorService housekeeping() {
        return housekeeping;
    }

    SettingsFile settingsFile() {
        return settingsFile;
    }

    /** The settings as last read from the file. */
    Settings settings() {
        return settings;
    }

    /** Runs {@code listener} with the new settings each time the file changes; the handle stops it. */
    AutoCloseable onSettingsChanged(Consumer<Settings> listener) {
        return watcher.subscribe(changed -> listener.accept(changed.settings()));
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
    public SendSize measure(String recipient, String text) {
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
    public List<Conversation> conversations() {
        return engine.conversations();
    }

    @Override
    public void markRead(String conversation, long upToRowId) {
        engine.markRead(conversation, upToRowId);
    }

    @Override
    public void setStatus(Status status) {
        engine.setStatus(status);
    }

    @Override
    public Status status() {
        return engine.status();
    }

    @Override
    public Fingerprint fingerprint() {
        return engine.fingerprint();
    }

    @Override
    public List<KeyChange> keyChanges() {
        return engine.keyChanges();
    }

    @Override
    public void trust(String name, Fingerprint offered) throws MessengerException {
        engine.trust(name, offered);
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
        housekeeping.shutdownNow();
    }
}
