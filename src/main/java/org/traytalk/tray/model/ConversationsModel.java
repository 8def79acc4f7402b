package org.traytalk.tray.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.engine.SendSize;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.HistoryQuery;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;

/**
 * What the conversations window shows: the list of conversations with unread counts and presence (online, away
 * and status line; "not verified" for peers that cannot be), the open conversation (oldest message first) or the
 * results of a full-text search (newest first), a warning when the open peer's key changed, and the state of what its
 * composer sends. While the window is active, the open conversation counts as read. UI-thread confined; reads and
 * sends run on {@code background} and come back through {@code ui}; every change is told to the {@link View}.
 */
public final class ConversationsModel implements MessengerListener {
    /** Messages shown per conversation, and at most per search. */
    public static final int CONVERSATION_LIMIT = 500;
    public static final int SEARCH_LIMIT = 500;

    /** What the window redraws, and when. */
    public interface View {
        default void listChanged() {
        }

        /** {@link #messages()} was replaced: another conversation, or a search. */
        default void messagesReplaced() {
        }

        /** A newer message at the bottom of the open conversation. */
        default void messageAdded(ChatMessage m) {
        }

        /** A message shown changed (its delivery state). */
        default void messageChanged(ChatMessage m) {
        }

        default void headingChanged() {
        }

        /** What the composer sent was stored (then {@code refusal} is empty) or refused, with why. */
        default void sendSettled(Optional<String> refusal) {
        }

        default void sizeMeasured(SendSize size) {
        }

        /** A key change turned up or was settled: {@link #keyChange()} and the list's marks may differ. */
        default void keyChangesChanged() {
        }
    }

    /** The title and the line under it, plain text. */
    public record Heading(String title, String subtitle) {
    }

    private final Messenger messenger;
    private final Executor background;
    private final Executor ui;
    private final ConversationList list = new ConversationList();
    private final VerifiedPeers verified = new VerifiedPeers();
    private final KeyChangeList keyChanges;
    private final List<ChatMessage> shown = new ArrayList<>();
    private final List<ChatMessage> sinceListRead = new ArrayList<>();
    private final List<ChatMessage> sinceViewRead = new ArrayList<>();
    private final PeerStatuses statuses = new PeerStatuses();
    private final List<Predicate<PeerStatuses>> statusesSinceListRead = new ArrayList<>();
    private View view = new View() { };
    private String openKey = ChatMessage.EVERYONE; // null while search results are shown
    private String lastOpenKey = ChatMessage.EVERYONE; // where clearing the search goes back to
    private String searchText = "";
    private String problem;
    private boolean active;
    private boolean loaded; // the open conversation's messages have been read
    private boolean opened; // a conversation was chosen (else the newest opens once the list is read)
    private int listReads;
    private boolean listPending; // the list is being read: events meanwhile are applied again to what it reads
    private int viewReads;
    private String markedKey = ""; // the last read position asked for, so each is asked for once
    private long markedTo;

    /** @param keyChanges the app's key changes waiting for review (attached by its owner) */
    public ConversationsModel(Messenger messenger, KeyChangeList keyChanges, Executor background, Executor ui) {
        this.messenger = Objects.requireNonNull(messenger);
        this.keyChanges = Objects.requireNonNull(keyChanges);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
    }

    /** Follows the messenger and reads the list; the newest conversation opens unless one was asked for. */
    public AutoCloseable attach(View newView) {
        this.view = Objects.requireNonNull(newView);
        AutoCloseable subscription = messenger.subscribe(OnThread.of(ui, this));
        AutoCloseable keys = keyChanges.onChange(new KeyChangeList.Listener() {
            @Override
            public void listChanged() {
                view.keyChangesChanged();
            }
        });
        reloadList();
        return () -> {
            keys.close();
            subscription.close();
        };
    }

    // ---- what the user does ----

    /** Opens the conversation with {@code peer} ({@code *}: Everyone), added to the list when it has no messages. */
    public void open(String peer) {
        opened = true;
        String key = list.ensure(peer).key();
        searchText = "";
        openKey = key;
        lastOpenKey = key;
        view.listChanged();
        readConversation();
    }

    /** Full-text search over every conversation; blank goes back to the conversation open before. */
    public void search(String text) {
        String words = text == null ? "" : text.strip();
        if (words.equals(searchText)) {
            return;
        }
        searchText = words;
        if (words.isEmpty()) {
            open(lastOpenKey);
            return;
        }
        openKey = null;
        loaded = false;
        problem = null;
        int read = ++viewReads;
        sinceViewRead.clear();
        shown.clear();
        view.messagesReplaced();
        view.headingChanged();
        read(() -> messenger.history(new HistoryQuery(null, words, SEARCH_LIMIT)), found -> {
            if (read == viewReads) {
                shown.clear();
                shown.addAll(found);
                loaded = true;
                sinceViewRead.forEach(this::replaceShown);
                view.messagesReplaced();
                view.headingChanged();
            }
        });
    }

    /** The window is (true) or is no longer (false) in front of the user: only then is what it shows read. */
    public void setActive(boolean nowActive) {
        active = nowActive;
        markShownRead();
    }

    /** Sends {@code text} to the open conversation; the view hears whether it was stored or refused. */
    public void send(String text) {
        String to = openKey == null ? null : list.get(openKey).map(this::recipient).orElse(null);
        if (to == null || text.isBlank()) {
            return;
        }
        inBackground(() -> {
            Optional<String> refusal = MessengerCalls.refusal("Could not send", () -> messenger.send(to, text));
            ui.execute(() -> view.sendSettled(refusal));
        });
        if (list.unread(openKey) > 0) {
            markShownRead(); // answering is reading
        }
    }

    /** Measures {@code text} as it would go to the open conversation now (bytes, split for legacy peers). */
    public void measure(String text) {
        String to = openKey == null ? null : list.get(openKey).map(this::recipient).orElse(null);
        if (to == null) {
            return;
        }
        inBackground(() -> {
            SendSize size = messenger.measure(to, text);
            ui.execute(() -> view.sizeMeasured(size));
        });
    }

    // ---- what the window shows ----

    public List<Conversation> conversations() {
        return list.ordered();
    }

    /** The open conversation; empty while search results are shown. */
    public Optional<Conversation> openConversation() {
        return openKey == null ? Optional.empty() : list.get(openKey);
    }

    public boolean searching() {
        return openKey == null;
    }

    /** Oldest first for a conversation, newest first for search results. */
    public List<ChatMessage> messages() {
        return Collections.unmodifiableList(shown);
    }

    public int unreadTotal() {
        return list.unreadTotal();
    }

    public Heading heading() {
        if (openKey == null) {
            String what = PlainText.clip(PlainText.line(searchText), 60, 1).text();
            String found = problem != null ? problem : !loaded ? "Searching\u2026" : (shown.isEmpty() ? "No messages"
                    : shown.size() == 1 ? "1 message" : shown.size() + " messages") + " found for \u201C" + what + "\u201D";
            return new Heading("Search", PlainText.notHtml(found));
        }
        Conversation c = list.ensure(openKey);
        String status = problem != null ? problem
                : c.everyone() ? "Messages to and from everyone" : PeerStatuses.presence(c.online(), status(c));
        if (problem == null && unverified(c)) {
            status += " \u00B7 " + VerifiedPeers.NOT_VERIFIED + ": the original program cannot prove who sent what";
        }
        return new Heading(title(c), PlainText.notHtml(status));
    }

    /**
     * Whether the conversation's peer is away and its status line, as its announcements last said;
     * {@link Status#AVAILABLE} for Everyone, an offline peer and the original program's peers.
     */
    public Status status(Conversation c) {
        return c.everyone() || !c.online() ? Status.AVAILABLE : statuses.of(c.name());
    }

    /** How a conversation is named on screen: "Everyone", or the peer's name as plain text. */
    public static String title(Conversation c) {
        return c.everyone() ? "Everyone" : PlainText.label(c.name());
    }

    /** Whether {@code c} is with a peer that cannot be verified (the original program's): marked "not verified". */
    public boolean unverified(Conversation c) {
        return !c.everyone() && verified.unverified(c.name());
    }

    /** The key change waiting for review under {@code c}'s name, if any. */
    public Optional<KeyChange> keyChange(Conversation c) {
        return c.everyone() ? Optional.empty() : keyChanges.forName(c.name());
    }

    /** The key change waiting for review under the open conversation's name: the window shows a banner. */
    public Optional<KeyChange> keyChange() {
        return openConversation().flatMap(this::keyChange);
    }

    // ---- messenger events, on the UI thread ----

    @Override
    public void messageReceived(ChatMessage m) {
        changed(m);
    }

    @Override
    public void messageUpdated(ChatMessage m) {
        changed(m);
    }

    private void changed(ChatMessage m) {
        verified.message(m);
        if (listPending) {
            sinceListRead.add(m);
        }
        sinceViewRead.add(m);
        list.arrived(m);
        if (openKey != null && openKey.equals(Conversation.keyOf(m))) {
            if (loaded && !replaceShown(m) && appendIfNewer(m)) {
                view.messageAdded(m);
            }
            markShownRead();
        } else if (openKey == null) {
            replaceShown(m);
        }
        view.listChanged();
    }

    @Override
    public void conversationRead(Conversation now) {
        list.read(now);
        view.listChanged();
    }

    @Override
    public void statusChanged(String name, Status now) {
        if (restate(s -> s.changed(name, now))) {
            view.listChanged();
            if (Peer.keyOf(name).equals(openKey)) {
                view.headingChanged();
            }
        }
    }

    @Override
    public void peerOnline(Peer peer) {
        presence(peer);
    }

    @Override
    public void peerOffline(Peer peer) {
        presence(peer);
    }

    private void presence(Peer peer) {
        verified.peer(peer);
        restate(s -> s.peer(peer));
        list.presence(peer);
        view.listChanged();
        if (peer.key().equals(openKey)) {
            view.headingChanged();
        }
    }

    // ---- reading ----

    /** A change of what peers show, also kept to be applied again after the roster being read now. */
    private boolean restate(Predicate<PeerStatuses> change) {
        if (listPending) {
            statusesSinceListRead.add(change);
        }
        return change.test(statuses);
    }

    private void reloadList() {
        int read = ++listReads;
        sinceListRead.clear();
        statusesSinceListRead.clear();
        listPending = true;
        read(() -> new Listing(messenger.conversations(), messenger.peers()), listing -> {
            if (read != listReads) {
                return;
            }
            List<Conversation> snapshot = listing.conversations();
            verified.reset(listing.peers());
            snapshot.stream().map(Conversation::latest).filter(Objects::nonNull).forEach(verified::message);
            sinceListRead.forEach(verified::message);
            list.reset(snapshot);
            sinceListRead.forEach(list::arrived);
            statuses.reset(listing.peers());
            statusesSinceListRead.forEach(change -> change.test(statuses));
            listPending = false;
            sinceListRead.clear();
            statusesSinceListRead.clear();
            if (openKey != null) {
                list.ensure(openKey); // opened before the list was read
            }
            if (!opened) {
                opened = true;
                openKey = list.ordered().get(0).key();
                lastOpenKey = openKey;
                readConversation();
            }
            view.listChanged();
            view.headingChanged();
        });
    }

    private void readConversation() {
        String key = openKey;
        loaded = false;
        problem = null;
        int read = ++viewReads;
        sinceViewRead.clear();
        view.headingChanged();
        read(() -> messenger.history(new HistoryQuery(key, null, CONVERSATION_LIMIT)), newestFirst -> {
            if (read != viewReads) {
                return;
            }
            shown.clear();
            shown.addAll(newestFirst);
            Collections.reverse(shown);
            loaded = true;
            for (ChatMessage m : sinceViewRead) {
                if (!replaceShown(m) && Conversation.keyOf(m).equals(key)) {
                    appendIfNewer(m);
                }
            }
            view.messagesReplaced();
            markShownRead();
        });
    }

    /** A message of the open conversation newer than every one shown goes at the bottom; an older one is not shown. */
    private boolean appendIfNewer(ChatMessage m) {
        if (!shown.isEmpty() && m.rowId() <= shown.get(shown.size() - 1).rowId()) {
            return false;
        }
        shown.add(m);
        return true;
    }

    /** Puts a newer state of a message shown in its place; false when it is not shown. */
    private boolean replaceShown(ChatMessage m) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).rowId() == m.rowId()) {
                shown.set(i, m);
                view.messageChanged(m);
                return true;
            }
        }
        return false;
    }

    /** In front of the user, the open conversation's messages are read up to the newest shown. */
    private void markShownRead() {
        if (!active || !loaded || openKey == null || shown.isEmpty() || list.unread(openKey) == 0) {
            return;
        }
        String key = openKey;
        long upTo = shown.get(shown.size() - 1).rowId();
        if (key.equals(markedKey) && upTo <= markedTo) {
            return;
        }
        markedKey = key;
        markedTo = upTo;
        inBackground(() -> messenger.markRead(key, upTo));
    }

    /** What one read of the list brings: the conversations, and the roster that tells who is verified. */
    private record Listing(List<Conversation> conversations, List<Peer> peers) {
    }

    private String recipient(Conversation c) {
        return c.everyone() ? ChatMessage.EVERYONE : c.name();
    }

    /** A window closed meanwhile has stopped its background thread: what it asked for no longer matters. */
    private void inBackground(Runnable work) {
        try {
            background.execute(work);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private <T> void read(Supplier<T> query, Consumer<T> apply) {
        inBackground(() -> {
            try {
                T result = query.get();
                ui.execute(() -> apply.accept(result));
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    problem = "Could not read the history: " + PlainText.line(String.valueOf(e.getMessage()));
                    view.headingChanged();
                });
            }
        });
    }
}
