package org.traytalk.tray.window;

import com.formdev.flatlaf.icons.FlatSearchIcon;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.Timer;
import javax.swing.UIManager;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.MessengerListener;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Peer;
import org.traytalk.tray.model.OnThread;
import org.traytalk.tray.model.PlainText;

/**
 * The history: conversations on the left (newest first, Everyone for broadcasts), the open conversation or the
 * search results on the right, a search box on top; kept current by messenger events. Build and use it on the UI
 * thread; history reads run on {@code background} and their results come back through {@code ui}.
 */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
public final class HistoryPanel extends JPanel {
    private final HistoryQueries queries;
    private final Messenger messenger;
    private final Executor background;
    private final Executor ui;
    private final ConversationList conversations = new ConversationList();
    private final DefaultListModel<Conversation> listModel = new DefaultListModel<>();
    private final JList<Conversation> list = new JList<>(listModel) {
        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true; // long names and previews are cut with an ellipsis instead of scrolling sideways
        }
    };
    private final JTextField search = new JTextField();
    private final JLabel title = new JLabel(" ");
    private final JLabel subtitle = new JLabel(" ");
    private final MessageListView messages;
    private final JScrollPane messageScroll;
    private final Timer searchDelay = new Timer(300, e -> runSearch());
    private final List<ChatMessage> sinceListRead = new ArrayList<>();
    private final List<ChatMessage> sinceViewRead = new ArrayList<>();
    private AutoCloseable subscription;
    private String openKey; // the conversation shown; null while search results are shown
    private String shownSearch = "";
    private int listReads;
    private int viewReads;
    private boolean listing; // rebuilding the list model: ignore its selection events
    private boolean stickToBottom = true;
    private Runnable closeAction = () -> { };

    public HistoryPanel(Messenger messenger, Executor background, Executor ui, Clock clock) {
        super(new BorderLayout());
        this.messenger = Objects.requireNonNull(messenger);
        this.queries = new HistoryQueries(messenger);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        TimeText times = new TimeText(clock);
        messages = new MessageListView(times);
        list.setCellRenderer(new ConversationRenderer(times));
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.addListSelectionListener(e -> {
            if (!listing && !e.getValueIsAdjusting() && list.getSelectedValue() != null) {
                openFromList(list.getSelectedValue().key());
            }
        });
        messageScroll = new JScrollPane(messages);
        add(searchBar(), BorderLayout.NORTH);
        add(split(), BorderLayout.CENTER);
        searchDelay.setRepeats(false);
        bindKeys();
    }

    /** Subscribes to the messenger and reads the conversation list; then opens the newest conversation. */
    public void start() {
        if (subscription == null) {
            subscription = messenger.subscribe(OnThread.of(ui, new Events()));
            reloadList();
        }
    }

    public void stop() {
        searchDelay.stop();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // the messenger is going away anyway
            }
            subscription = null;
        }
    }

    /** Selects the conversation with {@code peer} ({@code *} for Everyone), adding it if it has no messages yet. */
    public void showConversation(String peer) {
        String key = conversations.ensure(peer).key();
        searchDelay.stop();
        search.setText("");
        searchDelay.stop();
        shownSearch = "";
        relist();
        select(key);
        if (!key.equals(openKey)) {
            open(key);
        }
    }

    public void focusSearch() {
        search.requestFocusInWindow();
        search.selectAll();
    }

    /** What Esc does once the search box is empty (the window closes itself). */
    public void setCloseAction(Runnable action) {
        closeAction = Objects.requireNonNull(action);
    }

    private JComponent searchBar() {
        search.putClientProperty("JTextField.placeholderText", "Search all messages  (Ctrl+F)");
        search.putClientProperty("JTextField.leadingIcon", new FlatSearchIcon());
        search.putClientProperty("JTextField.showClearButton", true);
        search.getDocument().addDocumentListener(new Edits(searchDelay::restart));
        search.addActionListener(e -> runSearch());
        JPanel bar = new JPanel(new BorderLayout());
        bar.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 1, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(10, 12, 10, 12)));
        bar.add(search, BorderLayout.CENTER);
        return bar;
    }

    private JComponent split() {
        JScrollPane listScroll = new JScrollPane(list, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        listScroll.setBorder(BorderFactory.createEmptyBorder());
        listScroll.setMinimumSize(new Dimension(220, 0));
        listScroll.setPreferredSize(new Dimension(300, 0));
        messageScroll.setBorder(BorderFactory.createEmptyBorder());
        messageScroll.getViewport().setBackground(messages.getBackground());
        messageScroll.getVerticalScrollBar().addAdjustmentListener(e -> {
            if (e.getValueIsAdjusting()) {
                stickToBottom = atBottom();
            }
        });
        messageScroll.addMouseWheelListener(e -> ui.execute(() -> stickToBottom = atBottom()));
        messages.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                if (stickToBottom && openKey != null) {
                    messages.scrollRectToVisible(new Rectangle(0, messages.getHeight() - 1, 1, 1));
                }
            }
        });
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 3f));
        subtitle.setForeground(UIManager.getColor("Label.disabledForeground"));
        JPanel heading = new JPanel(new BorderLayout(0, 2));
        heading.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 1, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(10, 16, 10, 16)));
        heading.add(title, BorderLayout.NORTH);
        heading.add(subtitle, BorderLayout.CENTER);
        JPanel right = new JPanel(new BorderLayout());
        right.add(heading, BorderLayout.NORTH);
        right.add(messageScroll, BorderLayout.CENTER);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, listScroll, right);
        split.setResizeWeight(0);
        split.setBorder(BorderFactory.createEmptyBorder());
        split.setContinuousLayout(true);
        return split;
    }

    private boolean atBottom() {
        var bar = messageScroll.getVerticalScrollBar();
        return bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - 8;
    }

    private void bindKeys() {
        getInputMap(WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke("control F"), "focusSearch");
        getActionMap().put("focusSearch", action(this::focusSearch));
        getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke("ESCAPE"), "escape");
        getActionMap().put("escape", action(() -> {
            if (search.getText().isEmpty()) {
                closeAction.run();
            } else {
                search.setText("");
                runSearch();
            }
        }));
        // Up/Down in an empty search box walk the conversation list
        search.getInputMap().put(KeyStroke.getKeyStroke("DOWN"), "next");
        search.getInputMap().put(KeyStroke.getKeyStroke("UP"), "previous");
        search.getActionMap().put("next", action(() -> moveSelection(1)));
        search.getActionMap().put("previous", action(() -> moveSelection(-1)));
    }

    private void moveSelection(int by) {
        if (search.getText().isEmpty() && !listModel.isEmpty()) {
            int to = Math.max(0, Math.min(listModel.size() - 1, list.getSelectedIndex() + by));
            list.setSelectedIndex(to);
            list.ensureIndexIsVisible(to);
        }
    }

    private static AbstractAction action(Runnable r) {
        return new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        };
    }

    // ---- reading ----

    private void reloadList() {
        int read = ++listReads;
        sinceListRead.clear();
        read(queries::overview, overview -> {
            if (read != listReads) {
                return;
            }
            conversations.reset(overview.messages(), overview.peers());
            sinceListRead.forEach(conversations::add);
            if (openKey != null) {
                conversations.ensure(openKey); // opened by showConversation before the list was read
            }
            relist();
            if (list.getSelectedIndex() < 0 && openKey == null && shownSearch.isEmpty() && !listModel.isEmpty()) {
                list.setSelectedIndex(0);
            }
        });
    }

    private void openFromList(String key) {
        if (!search.getText().isEmpty()) {
            search.setText("");
            searchDelay.stop();
        }
        shownSearch = "";
        open(key);
    }

    private void open(String key) {
        openKey = key;
        stickToBottom = true;
        heading();
        int read = ++viewReads;
        sinceViewRead.clear();
        read(() -> queries.conversation(key), found -> {
            if (read == viewReads) {
                messages.show(found, false);
                sinceViewRead.forEach(messages::add);
            }
        });
    }

    private void runSearch() {
        searchDelay.stop();
        String text = search.getText().strip();
        if (text.equals(shownSearch)) {
            return;
        }
        shownSearch = text;
        if (text.isEmpty()) {
            Conversation selected = list.getSelectedValue();
            open(selected != null ? selected.key() : ChatMessage.EVERYONE);
            return;
        }
        openKey = null;
        title.setText("Search");
        subtitle.setText("Searching\u2026");
        int read = ++viewReads;
        sinceViewRead.clear();
        read(() -> queries.search(text), found -> {
            if (read == viewReads) {
                messages.show(found, true);
                sinceViewRead.forEach(messages::update);
                subtitle.setText(PlainText.notHtml((found.isEmpty() ? "No messages" : found.size() == 1
                        ? "1 message" : found.size() + " messages") + " found for \u201C"
                        + PlainText.clip(PlainText.line(text), 60, 1).text() + "\u201D"));
                messageScroll.getVerticalScrollBar().setValue(0);
            }
        });
    }

    private <T> void read(Supplier<T> query, Consumer<T> apply) {
        background.execute(() -> {
            try {
                T result = query.get();
                ui.execute(() -> apply.accept(result));
            } catch (RuntimeException e) {
                ui.execute(() -> subtitle.setText(PlainText.notHtml("Could not read the history: "
                        + PlainText.line(String.valueOf(e.getMessage())))));
            }
        });
    }

    // ---- showing ----

    private void relist() {
        String selected = list.getSelectedValue() == null ? null : list.getSelectedValue().key();
        listing = true;
        try {
            listModel.clear();
            conversations.ordered().forEach(listModel::addElement);
            if (selected != null) {
                select(selected);
            }
        } finally {
            listing = false;
        }
        heading();
    }

    private void select(String key) {
        for (int i = 0; i < listModel.size(); i++) {
            if (listModel.get(i).key().equals(key)) {
                list.setSelectedIndex(i);
                list.ensureIndexIsVisible(i);
                return;
            }
        }
    }

    private void heading() {
        if (openKey == null) {
            return;
        }
        Conversation c = conversations.ensure(openKey);
        title.setText(ConversationRenderer.title(c));
        subtitle.setText(c.everyone() ? "Messages to and from everyone" : c.online() ? "Online" : "Offline");
    }

    /** Messenger events, already on the UI thread. */
    private final class Events implements MessengerListener {
        @Override
        public void messageReceived(ChatMessage m) {
            changed(m);
        }

        @Override
        public void messageUpdated(ChatMessage m) {
            changed(m);
        }

        private void changed(ChatMessage m) {
            sinceListRead.add(m);
            sinceViewRead.add(m);
            conversations.add(m);
            relist();
            if (openKey != null && openKey.equals(Conversation.keyOf(m))) {
                messages.add(m);
            } else if (openKey == null) {
                messages.update(m);
            }
        }

        @Override
        public void peerOnline(Peer peer) {
            conversations.presence(peer);
            relist();
        }

        @Override
        public void peerOffline(Peer peer) {
            conversations.presence(peer);
            relist();
        }
    }

    // ---- for tests ----

    JList<Conversation> conversationList() {
        return list;
    }

    JTextField searchField() {
        return search;
    }

    MessageListView messageView() {
        return messages;
    }

    JLabel titleLabel() {
        return title;
    }
}
