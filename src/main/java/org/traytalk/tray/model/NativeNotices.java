package org.traytalk.tray.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerException;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.platform.notify.DesktopNotifications;
import org.traytalk.platform.notify.DesktopNotifications.Notice;

/**
 * Shows what the {@link AlertQueue} announces (a message, a flood, the summary after do-not-disturb, a changed key)
 * also in the desktop's notification centre, where it stays until read: reading the conversation anywhere
 * withdraws it (a changed key's notice goes when its pop-up does: reviewed, or closed). A click opens the
 * conversation (a changed key's review); a reply typed into the notice goes to the sender and counts as reading it.
 * UI-thread confined; the desktop's callbacks are handed to {@code ui}, sends to {@code background}.
 */
public final class NativeNotices implements MessengerListener {
    /** How many announced alerts are remembered for the desktop's late clicks and replies. */
    static final int REMEMBERED = 50;

    private final AlertQueue alerts;
    private final Messenger messenger;
    private final Executor background;
    private final Executor ui;
    private final BooleanSupplier enabled;
    private final Consumer<String> openConversation;
    private final Consumer<String> reviewKeyChange;
    private final Map<Long, Alert> announced = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Alert> eldest) {
            return size() > REMEMBERED;
        }
    };
    private DesktopNotifications desktop;

    /**
     * @param enabled          whether the notifications setting asks for native notices now
     * @param openConversation opens the conversations window at a peer's name ({@code *}: Everyone)
     * @param reviewKeyChange  opens the review of the key change waiting for a name
     */
    public NativeNotices(AlertQueue alerts, Messenger messenger, Executor background, Executor ui,
                         BooleanSupplier enabled, Consumer<String> openConversation, Consumer<String> reviewKeyChange) {
        this.alerts = Objects.requireNonNull(alerts);
        this.messenger = Objects.requireNonNull(messenger);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        this.enabled = Objects.requireNonNull(enabled);
        this.openConversation = Objects.requireNonNull(openConversation);
        this.reviewKeyChange = Objects.requireNonNull(reviewKeyChange);
    }

    /** Announces through {@code notifications} from now on (null: there is none, nothing is announced). */
    public void use(DesktopNotifications notifications) {
        this.desktop = notifications;
    }

    /** What the desktop tells, for its callbacks: clicks and replies come back on the UI thread. */
    public DesktopNotifications.Callbacks callbacks() {
        return new DesktopNotifications.Callbacks() {
            @Override
            public void clicked(long key) {
                ui.execute(() -> NativeNotices.this.clicked(key));
            }

            @Override
            public void replied(long key, String text) {
                ui.execute(() -> NativeNotices.this.replied(key, text));
            }
        };
    }

    /** Follows the alert queue and the messenger (for reads); the handle stops both. */
    public AutoCloseable attach() {
        AutoCloseable queue = alerts.onChange(this::alertsChanged);
        AutoCloseable reads = messenger.subscribe(OnThread.of(ui, this));
        return () -> {
            queue.close();
            reads.close();
        };
    }

    /** New alerts are announced; one that changed what it says (a flood counting on) replaces its notice. */
    void alertsChanged() {
        if (desktop == null || !enabled.getAsBoolean()) {
            return;
        }
        List<Alert> visible = alerts.visible();
        for (Alert a : visible) {
            Alert before = announced.get(a.id());
            if (before == null || !before.title().equals(a.title()) || !body(before).equals(body(a))) {
                announced.put(a.id(), a);
                desktop.show(new Notice(a.id(), a.title(), body(a), a.canReply()));
            }
        }
        for (Alert a : List.copyOf(announced.values())) {
            if (a.kind() == Alert.Kind.KEY_CHANGE && visible.stream().noneMatch(v -> v.id() == a.id())) {
                announced.remove(a.id());
                desktop.withdraw(a.id());
            }
        }
    }

    /** The text, under the warning line when there is one (a sender that cannot be verified, a changed key). */
    private static String body(Alert a) {
        return a.warning().isEmpty() ? a.fullText() : "\u26A0 " + a.warning() + "\n" + a.fullText();
    }

    /** Read anywhere: its notices leave the notification centre. */
    @Override
    public void conversationRead(Conversation now) {
        if (now.unread() > 0 || desktop == null) {
            return;
        }
        // remembered still: a desktop that shows a withdrawn notice a moment longer may send its click or reply
        for (Alert a : List.copyOf(announced.values())) {
            if (a.kind() != Alert.Kind.KEY_CHANGE && a.conversation().equals(now.key())) {
                desktop.withdraw(a.id());
            }
        }
    }

    private void clicked(long key) {
        Optional<Alert> alert = Optional.ofNullable(announced.get(key));
        if (alert.filter(a -> a.kind() == Alert.Kind.KEY_CHANGE).isPresent()) {
            alert.flatMap(Alert::peer).ifPresent(reviewKeyChange);
            return;
        }
        alert.ifPresent(a -> openConversation.accept(
                ChatMessage.EVERYONE.equals(a.conversation()) ? ChatMessage.EVERYONE : a.peer().orElse(a.conversation())));
    }

    private void replied(long key, String text) {
        Alert a = announced.get(key);
        if (a == null || a.peer().isEmpty() || text.isBlank()) {
            return;
        }
        String peer = a.peer().get();
        background.execute(() -> {
            try {
                messenger.send(peer, text);
                messenger.markRead(a.conversation(), a.messageRow());
            } catch (MessengerException | RuntimeException e) {
                // the reply field is gone with the notice: say it where the user looks next
                ui.execute(() -> desktop.show(new Notice(key, "Not sent to " + PlainText.label(peer),
                        PlainText.line(String.valueOf(e.getMessage())), false)));
            }
        });
    }
}
