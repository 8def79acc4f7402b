package org.traytalk.tray.model;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.Direction;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;

/**
 * Decides which pop-ups are on screen. At most {@code maxVisible}, newest last (at the bottom); each hides after
 * {@code hideAfter} unless hovered; floods from one sender collapse into one counting pop-up; under do-not-disturb
 * nothing shows and one summary appears when it ends. A key change's warning stays until it is closed or settled,
 * one per name, and is the last to make room. UI-thread confined: attach with {@link #attach}.
 */
public final class AlertQueue implements MessengerListener {
    private final Messenger messenger;
    private final Executor sender;
    private Executor uiThread = Runnable::run;
    private final Clock clock;
    private AlertOptions options;

    private final List<Alert> visible = new ArrayList<>();
    private final HideTimers hideTimers;
    private final FloodWindow floods = new FloodWindow();
    private final AwayLog away = new AwayLog(); // while do-not-disturb is on
    private final AwayLog whileIdle = new AwayLog(); // while the user is away from the keyboard
    private boolean idleAway;
    private final ReplyWatch replies = new ReplyWatch();
    private final Map<String, KeyChange> keyChangesAway = new LinkedHashMap<>(); // raised under do-not-disturb
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;
    private boolean dnd;

    public AlertQueue(Messenger messenger, Clock clock, TrayTimers timers, AlertOptions options) {
        this(messenger, clock, timers, options, Runnable::run);
    }

    /**
     * @param sender where quick replies are handed to the messenger: {@code send} blocks until the message is
     *               stored, which must not freeze the UI thread
     */
    public AlertQueue(Messenger messenger, Clock clock, TrayTimers timers, AlertOptions options, Executor sender) {
        this.messenger = messenger;
        this.sender = sender;
        this.clock = clock;
        this.options = options;
        this.hideTimers = new HideTimers(timers, this::expired);
    }

    public AutoCloseable attach(Executor uiThread) {
        this.uiThread = uiThread;
        return messenger.subscribe(OnThread.of(uiThread, this));
    }

    public AutoCloseable onChange(Runnable listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    /** The pop-ups to show, oldest first (top) to newest (bottom). */
    public List<Alert> visible() {
        return List.copyOf(visible);
    }

    /** Takes effect for timers started from now on. */
    public void setOptions(AlertOptions newOptions) {
        options = newOptions;
    }

    @Override
    public void messageReceived(ChatMessage m) {
        if (idleAway) {
            whileIdle.add(m);
        }
        if (dnd) {
            away.add(m);
            return;
        }
        int recent = floods.arrive(m.peer(), clock.instant(), options.floodWindow());
        Optional<Alert> flood = find(a -> a.kind() == Alert.Kind.FLOOD && samePeer(a, m.peer()));
        if (flood.isPresent()) {
            replace(AlertTexts.flood(flood.get().id(), m, flood.get().count() + 1, options));
        } else if (recent > options.floodThreshold()) {
            // a pop-up the user is hovering or replied from stays; the others fold into the counter
            new ArrayList<>(visible).stream()
                    .filter(a -> a.kind() == Alert.Kind.MESSAGE && samePeer(a, m.peer()))
                    .filter(a -> !hideTimers.isHovered(a.id()) && a.reply().isEmpty())
                    .forEach(a -> remove(a.id()));
            add(AlertTexts.flood(nextId++, m, recent, options));
        } else {
            add(AlertTexts.message(nextId++, m, options));
        }
        changed();
    }

    @Override
    public void messageUpdated(ChatMessage m) {
        if (m.direction() != Direction.OUTBOUND) {
            return;
        }
        replies.alertFor(m.rowId(), m.state()).flatMap(id -> find(a -> a.id() == id)).ifPresent(a -> {
            QuickReply old = a.reply().orElseThrow();
            replace(a.withReply(new QuickReply(old.text(), QuickReply.Status.of(m.state()), "")));
            changed();
        });
    }

    /**
     * Warns that {@code change}'s name turned up with another key (see {@link KeyChangeList.Listener#raised}): the
     * name's warning is shown, or updated with the count of held messages. Under do-not-disturb it waits.
     */
    public void showKeyChange(KeyChange change) {
        if (dnd) {
            keyChangesAway.put(Peer.keyOf(change.name()), change);
            return;
        }
        Optional<Alert> shown = find(a -> a.kind() == Alert.Kind.KEY_CHANGE && samePeer(a, change.name()));
        if (shown.isPresent()) {
            replace(AlertTexts.keyChange(shown.get().id(), change));
        } else {
            add(AlertTexts.keyChange(nextId++, change));
        }
        changed();
    }

    /** The key changes still waiting: the warnings of those the user settled (accepted or kept) go. */
    public void keyChangesPending(List<KeyChange> pending) {
        List<String> names = pending.stream().map(c -> Peer.keyOf(c.name())).toList();
        keyChangesAway.keySet().retainAll(names);
        boolean any = false;
        for (Alert a : List.copyOf(visible)) {
            any |= a.kind() == Alert.Kind.KEY_CHANGE && !names.contains(Peer.keyOf(a.peer().orElseThrow()))
                    && remove(a.id());
        }
        if (any) {
            changed();
        }
    }

    /**
     * Sends {@code text} to the pop-up's sender; the pop-up then shows its delivery state, or why the messenger
     * refused it. Returns false when the pop-up is gone or has no single sender.
     */
    public boolean reply(long alertId, String text) {
        Optional<Alert> alert = find(a -> a.id() == alertId).filter(Alert::canReply);
        if (alert.isEmpty()) {
            return false;
        }
        String shown = PlainText.sanitize(text);
        String peer = alert.get().peer().orElseThrow();
        replace(alert.get().withReply(new QuickReply(shown, QuickReply.Status.SENDING, "")));
        changed();
        sender.execute(() -> {
            ChatMessage[] sent = {null};
            Optional<String> refusal = MessengerCalls.refusal("Could not send",
                    () -> sent[0] = messenger.send(peer, text));
            uiThread.execute(() -> replySettled(alertId, shown, sent[0], refusal.orElse(null)));
        });
        return true;
    }

    /** Back on the UI thread: the reply was stored (then its delivery is watched) or refused. */
    private void replySettled(long alertId, String shown, ChatMessage sent, String refusal) {
        QuickReply result = sent == null
                ? new QuickReply(shown, QuickReply.Status.REFUSED, refusal)
                : new QuickReply(shown, QuickReply.Status.of(replies.watch(sent.rowId(), alertId).orElse(sent.state())), "");
        find(a -> a.id() == alertId).ifPresent(a -> {
            replace(a.withReply(result));
            changed();
        });
    }

    /** The pointer entered a pop-up: it stays until the pointer leaves. */
    public void hoverStarted(long alertId) {
        if (find(a -> a.id() == alertId).isPresent()) {
            hideTimers.hover(alertId);
        }
    }

    /** The pointer left: the pop-up gets a full {@code hideAfter} again. */
    public void hoverEnded(long alertId) {
        if (hideTimers.unhover(alertId)) {
            find(a -> a.id() == alertId).ifPresent(a -> hideTimers.start(alertId, hideAfter(a)));
        }
    }

    /** The user closed the pop-up. */
    public void dismiss(long alertId) {
        if (remove(alertId)) {
            changed();
        }
    }

    /**
     * The conversation was read (in the window, or by answering a pop-up): its pop-ups go, except one being
     * answered (it shows its reply's delivery), and so do its messages waiting for the summary after do-not-disturb.
     */
    @Override
    public void conversationRead(Conversation now) {
        if (now.unread() > 0) {
            return;
        }
        if (!now.everyone()) {
            away.forget(now.name());
            whileIdle.forget(now.name());
        }
        boolean any = false;
        for (Alert a : List.copyOf(visible)) {
            any |= a.kind() != Alert.Kind.KEY_CHANGE && a.conversation().equals(now.key()) && a.reply().isEmpty()
                    && remove(a.id());
        }
        if (any) {
            changed();
        }
    }

    /**
     * The user went away from the keyboard (true: pop-ups go on showing, and what arrives is also noted) or came
     * back (false: one summary of what arrived meanwhile and is still unread).
     */
    public void setAway(boolean on) {
        if (on == idleAway) {
            return;
        }
        idleAway = on;
        if (!on) {
            List<AwayLog.Entry> missed = whileIdle.drain();
            if (!missed.isEmpty() && !dnd) {
                add(AlertTexts.away(nextId++, missed, options));
                changed();
            }
        }
    }

    /** On: every pop-up goes and new messages are only counted. Off: one summary of what came meanwhile. */
    public void setDnd(boolean on) {
        if (on == dnd) {
            return;
        }
        dnd = on;
        if (on) {
            List.copyOf(visible).forEach(a -> remove(a.id()));
        } else {
            List<KeyChange> keyChanges = List.copyOf(keyChangesAway.values());
            keyChangesAway.clear();
            keyChanges.forEach(c -> add(AlertTexts.keyChange(nextId++, c)));
            List<AwayLog.Entry> missed = away.drain();
            if (!missed.isEmpty()) {
                add(AlertTexts.away(nextId++, missed, options));
            }
            if (keyChanges.isEmpty() && missed.isEmpty()) {
                return;
            }
        }
        changed();
    }

    private void add(Alert alert) {
        visible.add(alert);
        while (visible.size() > options.maxVisible()) {
            // messages make room first: a warning that someone may be posing as a peer must not scroll away
            Alert oldest = visible.stream().filter(a -> !hideTimers.isHovered(a.id()))
                    .min(Comparator.comparing((Alert a) -> a.kind() == Alert.Kind.KEY_CHANGE))
                    .orElse(visible.get(0));
            remove(oldest.id());
        }
        hideTimers.start(alert.id(), hideAfter(alert));
    }

    /** Puts the new version in the old one's place and gives it a fresh hide time. */
    private void replace(Alert alert) {
        visible.replaceAll(a -> a.id() == alert.id() ? alert : a);
        hideTimers.start(alert.id(), hideAfter(alert));
    }

    /** A key change's warning stays until it is closed or settled. */
    private Duration hideAfter(Alert alert) {
        return alert.kind() == Alert.Kind.KEY_CHANGE ? Duration.ZERO : options.hideAfter();
    }

    private boolean remove(long alertId) {
        hideTimers.forget(alertId);
        replies.forgetAlert(alertId);
        return visible.removeIf(a -> a.id() == alertId);
    }

    private void expired(long alertId) {
        if (remove(alertId)) {
            changed();
        }
    }

    private Optional<Alert> find(Predicate<Alert> test) {
        return visible.stream().filter(test).findFirst();
    }

    private static boolean samePeer(Alert a, String name) {
        return a.peer().map(Peer::keyOf).filter(Peer.keyOf(name)::equals).isPresent();
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }
}
