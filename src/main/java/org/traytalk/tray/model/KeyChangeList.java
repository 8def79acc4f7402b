package org.traytalk.tray.model;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;

/**
 * The key changes waiting for the user's decision: names that turned up with another identity than the one pinned
 * to them. The tray menu, the pop-ups, the conversations window and the review dialog all show this one list.
 * Accepting calls the messenger off the UI thread; "Keep the old one" hides the change for this session (the
 * messenger keeps its messages held). UI-thread confined; reads and trust calls run on {@code background}.
 */
public final class KeyChangeList implements MessengerListener {

    /** What the list tells its views. */
    public interface Listener {
        /** {@link #pending()} changed. */
        default void listChanged() {
        }

        /** A change turned up, or sent one more message, while it waits: the moment to warn. */
        default void raised(KeyChange change) {
        }
    }

    private final Messenger messenger;
    private final Executor background;
    private final Executor ui;
    private final Map<String, KeyChange> changes = new LinkedHashMap<>(); // by id()
    private final Set<String> kept = new HashSet<>();
    private final Set<String> sinceRead = new HashSet<>(); // changed by events while a read was under way
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private int reads;

    public KeyChangeList(Messenger messenger, Executor background, Executor ui) {
        this.messenger = Objects.requireNonNull(messenger);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
    }

    /** Follows the messenger's key changes and reads those already waiting. */
    public AutoCloseable attach() {
        AutoCloseable subscription = messenger.subscribe(OnThread.of(ui, this));
        reload();
        return subscription;
    }

    public AutoCloseable onChange(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The changes waiting, first seen first, without those the user chose to keep the old key for. */
    public List<KeyChange> pending() {
        return changes.values().stream().filter(c -> !kept.contains(id(c)))
                .sorted(Comparator.comparing(KeyChange::firstSeen)).toList();
    }

    /** The change waiting for {@code name}, if any (the first seen when there are several). */
    public Optional<KeyChange> forName(String name) {
        String key = Peer.keyOf(name);
        return pending().stream().filter(c -> Peer.keyOf(c.name()).equals(key)).findFirst();
    }

    /**
     * The user compared codes and accepts {@code change}: the messenger pins it (off this thread), then the list is
     * read again. {@code done} hears, on the UI thread, nothing on success or why it failed.
     */
    public void accept(KeyChange change, Consumer<Optional<String>> done) {
        inBackground(() -> {
            Optional<String> result = MessengerCalls.refusal("Could not accept the key",
                    () -> messenger.trust(change.name(), change.offered()));
            ui.execute(() -> {
                if (result.isEmpty()) {
                    changes.remove(id(change));
                    changed();
                    reload();
                }
                done.accept(result);
            });
        }, () -> done.accept(Optional.of("TrayTalk is closing")));
    }

    /** The user keeps the old key: the change leaves the list (its messages stay held) until TrayTalk starts again. */
    public void keep(KeyChange change) {
        if (kept.add(id(change))) {
            changed();
        }
    }

    @Override
    public void keyChanged(KeyChange change) {
        String id = id(change);
        sinceRead.add(id);
        KeyChange before = changes.get(id);
        changes.put(id, newer(before, change));
        if (!kept.contains(id)) {
            changed();
            listeners.forEach(l -> l.raised(change));
        }
    }

    /** A peer online with an identity the list offers: it was accepted elsewhere (e.g. {@code traytalk trust}). */
    @Override
    public void peerOnline(Peer peer) {
        if (peer.fingerprint() != null && changes.values().stream().anyMatch(c -> c.offered().equals(peer.fingerprint())
                && Peer.keyOf(c.name()).equals(peer.key()))) {
            reload();
        }
    }

    private void reload() {
        int read = ++reads;
        sinceRead.clear();
        inBackground(() -> {
            List<KeyChange> now;
            try {
                now = messenger.keyChanges();
            } catch (RuntimeException e) {
                return; // the list stays as events left it; the next change reads again
            }
            ui.execute(() -> {
                if (read == reads) {
                    replace(now);
                }
            });
        }, () -> { });
    }

    private void replace(List<KeyChange> snapshot) {
        Map<String, KeyChange> next = new LinkedHashMap<>();
        snapshot.forEach(c -> next.put(id(c), c));
        for (String id : sinceRead) { // an event after the read began may be newer than what it found
            KeyChange event = changes.get(id);
            if (event != null) {
                next.put(id, newer(next.get(id), event));
            }
        }
        if (!next.equals(changes)) {
            changes.clear();
            changes.putAll(next);
            changed();
        }
    }

    private static KeyChange newer(KeyChange a, KeyChange b) {
        if (a == null) {
            return b;
        }
        int byTime = a.lastSeen().compareTo(b.lastSeen());
        return byTime > 0 || (byTime == 0 && a.held() > b.held()) ? a : b;
    }

    private static String id(KeyChange c) {
        return Peer.keyOf(c.name()) + " " + c.offered();
    }

    private void changed() {
        listeners.forEach(Listener::listChanged);
    }

    /** A window closed meanwhile has stopped its background thread: what it asked for no longer matters. */
    private void inBackground(Runnable work, Runnable refused) {
        try {
            background.execute(work);
        } catch (RejectedExecutionException e) {
            refused.run();
        }
    }
}
