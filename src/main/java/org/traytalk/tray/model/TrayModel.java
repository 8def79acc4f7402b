package org.traytalk.tray.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;

/**
 * What the tray icon, its tooltip and its menu show: online peers (marked when they cannot be verified; away and
 * status lines), recent senders, unread messages, key changes waiting for review, do-not-disturb and trouble.
 * UI-thread confined: feed it messenger events through {@link #attach}. Every change calls the change listeners, which
 * re-render from the getters.
 */
public final class TrayModel implements MessengerListener {
    /** How many "Reply to" senders are kept. */
    public static final int RECENT_SENDERS = 5;
    /** Windows shows at most 127 characters of a tray tooltip. */
    static final int TOOLTIP_CHARS = 127;

    private final Map<String, String> online = new TreeMap<>(); // key -> name as sent; sorted by key
    private final List<String> recent = new ArrayList<>(); // names as sent, most recent first
    private final ConversationList unread = new ConversationList(); // the store's unread counts, kept current
    private final VerifiedPeers verified = new VerifiedPeers();
    private List<KeyChange> keyChanges = List.of();
    private final PeerStatuses statuses = new PeerStatuses();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private String localName;
    private boolean dnd;
    private boolean noNetwork;
    private String problem;
    private Status status = Status.AVAILABLE;

    public TrayModel(String localName) {
        this.localName = localName;
    }

    /**
     * Subscribes to the messenger with every event handed to {@code uiThread}, then loads who is online and what
     * is unread there.
     */
    public AutoCloseable attach(Messenger messenger, Executor uiThread) {
        AutoCloseable subscription = messenger.subscribe(OnThread.of(uiThread, this));
        // read on the UI thread, so events queued after the snapshot are applied after it
        uiThread.execute(() -> {
            unread.reset(messenger.conversations());
            changed();
            resetPeers(messenger.peers());
        });
        return subscription;
    }

    public AutoCloseable onChange(Runnable listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    /** Replaces the online list with the online peers among {@code peers}. */
    public void resetPeers(List<Peer> peers) {
        Map<String, String> now = new TreeMap<>();
        peers.stream().filter(Peer::online).filter(p -> !isSelf(p.name())).forEach(p -> now.put(p.key(), p.name()));
        List<String> markedBefore = unverifiedOnline();
        boolean moved = !now.equals(online);
        verified.reset(peers);
        boolean restated = statuses.reset(peers);
        online.clear();
        online.putAll(now);
        if (moved || restated || !markedBefore.equals(unverifiedOnline())) {
            changed();
        }
    }

    @Override
    public void messageReceived(ChatMessage message) {
        String key = Peer.keyOf(message.peer());
        unread.arrived(message);
        verified.message(message);
        recent.removeIf(n -> Peer.keyOf(n).equals(key));
        recent.add(0, message.peer());
        if (recent.size() > RECENT_SENDERS) {
            recent.remove(RECENT_SENDERS);
        }
        problem = null; // a message got through: whatever was wrong no longer is
        changed();
    }

    @Override
    public void messageUpdated(ChatMessage message) {
        if (problem != null && (message.state() == DeliveryState.SENT || message.state() == DeliveryState.DELIVERED)) {
            clearProblem();
        }
    }

    /** This user's own status (away, status line) shows in the tooltip; an online peer's in the Online menu. */
    @Override
    public void statusChanged(String name, Status now) {
        if (isSelf(name)) {
            if (!now.equals(status)) {
                status = now;
                changed();
            }
        } else if (statuses.changed(name, now) && online.containsKey(Peer.keyOf(name))) {
            changed();
        }
    }

    public Status status() {
        return status;
    }

    /** Read in a window or a pop-up: the icon and the menu count what is left. */
    @Override
    public void conversationRead(Conversation now) {
        int before = unreadCount();
        unread.read(now);
        if (unreadCount() != before) {
            changed();
        }
    }

    @Override
    public void peerOnline(Peer peer) {
        boolean markedBefore = verified.unverified(peer.name());
        verified.peer(peer);
        boolean restated = statuses.peer(peer);
        boolean added = !isSelf(peer.name()) && !peer.name().equals(online.put(peer.key(), peer.name()));
        if (added || restated || problem != null || markedBefore != verified.unverified(peer.name())) {
            problem = null;
            changed();
        }
    }

    @Override
    public void peerOffline(Peer peer) {
        verified.peer(peer);
        statuses.peer(peer);
        if (online.remove(peer.key()) != null) {
            changed();
        }
    }

    /** The same problem again (a cause that keeps happening) changes nothing, so nothing is redrawn. */
    @Override
    public void problem(String text) {
        String now = text == null ? "" : text;
        if (!now.equals(problem)) {
            problem = now;
            changed();
        }
    }

    public void clearProblem() {
        if (problem != null) {
            problem = null;
            changed();
        }
    }

    /** Called by the UI wiring when no network interface is up (true) or one came back (false). */
    public void setNoNetwork(boolean noNetwork) {
        if (this.noNetwork != noNetwork) {
            this.noNetwork = noNetwork;
            changed();
        }
    }

    /** The key changes waiting for the user's review, first seen first (see {@link KeyChangeList#pending}). */
    public void setKeyChanges(List<KeyChange> pending) {
        if (!pending.equals(keyChanges)) {
            keyChanges = List.copyOf(pending);
            changed();
        }
    }

    public void setDnd(boolean dnd) {
        if (this.dnd != dnd) {
            this.dnd = dnd;
            changed();
        }
    }

    public void setLocalName(String localName) {
        if (!this.localName.equals(localName)) {
            this.localName = localName;
            changed();
        }
    }

    /** Online peers' names as they send them, sorted case-insensitively; this node left out. */
    public List<String> onlinePeers() {
        return List.copyOf(online.values());
    }

    /** Whether {@code name} is a peer that cannot be verified (the original program's): shown "not verified". */
    public boolean unverified(String name) {
        return verified.unverified(name);
    }

    /** {@code name} as the tray shows it: plain text, with "(not verified)" for such a peer. */
    public String label(String name) {
        return verified.label(name);
    }

    public List<KeyChange> keyChanges() {
        return keyChanges;
    }

    /**
     * An online peer in the Online menu: its {@link #label}, whether away, and the status line: "BOB (away) - at
     * lunch".
     */
    public String onlineLabel(String name) {
        return label(name) + statuses.suffix(name);
    }

    /** Up to {@link #RECENT_SENDERS} names, most recent first, each once whatever its case. */
    public List<String> recentSenders() {
        return List.copyOf(recent);
    }

    /** Unread messages in every conversation, Everyone included. */
    public int unreadCount() {
        return unread.unreadTotal();
    }

    /** Unread messages in the direct conversation with {@code name}. */
    public int unreadFrom(String name) {
        return unread.unread(Peer.keyOf(name));
    }

    public boolean dnd() {
        return dnd;
    }

    public boolean noNetwork() {
        return noNetwork;
    }

    /** The last problem reported, until a message gets through, a peer comes online, or it is cleared. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** See {@link IconState} for the precedence. */
    public IconState iconState() {
        if (noNetwork || problem != null || !keyChanges.isEmpty()) {
            return IconState.ERROR;
        }
        if (dnd) {
            return IconState.DND;
        }
        return unreadCount() == 0 ? IconState.NORMAL : IconState.UNREAD;
    }

    /**
     * E.g. "TrayTalk - ALICE - 3 online (1 away) - 2 unread - do not disturb - no network"; plain text, at most 127
     * chars.
     */
    public String tooltip() {
        StringBuilder tip = new StringBuilder("TrayTalk - ").append(PlainText.label(localName))
                .append(" - ").append(online.size()).append(" online");
        long away = statuses.away(List.copyOf(online.values()));
        if (away > 0) {
            tip.append(" (").append(away).append(" away)");
        }
        int count = unreadCount();
        if (count > 0) {
            tip.append(" - ").append(count).append(" unread");
        }
        if (dnd) {
            tip.append(" - do not disturb");
        }
        if (status.away()) {
            tip.append(" - away");
        }
        if (!status.line().isEmpty()) {
            tip.append(" - ").append(PlainText.line(status.line()));
        }
        if (keyChanges.size() == 1) {
            tip.append(" - ").append(KeyChangeReview.title(keyChanges.get(0)));
        } else if (keyChanges.size() > 1) {
            tip.append(" - ").append(keyChanges.size()).append(" key changes to review");
        }
        if (noNetwork) {
            tip.append(" - no network");
        } else if (problem != null) {
            tip.append(" - ").append(problem.isBlank() ? "problem" : PlainText.line(problem));
        }
        return PlainText.clip(tip.toString(), TOOLTIP_CHARS, 1).text();
    }

    private List<String> unverifiedOnline() {
        return online.values().stream().filter(verified::unverified).toList();
    }

    private boolean isSelf(String name) {
        return Peer.keyOf(name).equals(Peer.keyOf(localName));
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }
}
