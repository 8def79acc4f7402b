package org.traytalk.tray.window;

import com.formdev.flatlaf.icons.FlatSearchIcon;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.KeyEvent;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.engine.Messenger;
import org.traytalk.engine.SendSize;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.Direction;
import org.traytalk.model.KeyChange;
import org.traytalk.tray.desktop.SwingTimers;
import org.traytalk.tray.model.ConversationsModel;
import org.traytalk.tray.model.KeyChangeList;
import org.traytalk.tray.model.Redraws;

/**
 * The conversations window's content: search on top, the conversations on the left (unread counts, presence, "not
 * verified"), the open conversation or the search results on the right, under a warning when the peer's key
 * changed, with a composer below. A view of {@link ConversationsModel}:
 * build and use it on the UI thread.
 */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
public final class ConversationsPanel extends JPanel {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationsPanel.class);
    private final ConversationsModel model;
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
    private final JButton export = new JButton("Export\u2026");
    private final MessageListView messages;
    private final JScrollPane messageScroll;
    private final Composer composer;
    private final KeyChangeBanner banner = new KeyChangeBanner(c -> this.reviewAction.accept(c));
    private final Timer searchDelay = new Timer(300, e -> runSearch());
    private AutoCloseable attached;
    private Redraw redraw;
    private boolean listing; // rebuilding the list model: ignore its selection events
    private boolean stickToBottom = true;
    /** After older rows were added above: where the reader is, as the distance from the bottom of the rows; or -1. */
    private int placeFromBottom = -1;
    private Runnable closeAction = () -> { };
    private Runnable exportAction = () -> { };
    private Consumer<KeyChange> reviewAction = c -> { };

    /** @param keyChanges the app's key changes waiting for review (attached by its owner) */
    public ConversationsPanel(Messenger messenger, KeyChangeList keyChanges, Executor background, Executor ui,
                              Clock clock) {
        super(new BorderLayout());
        this.model = new ConversationsModel(Objects.requireNonNull(messenger), keyChanges, background, ui);
        TimeText times = new TimeText(clock);
        messages = new MessageListView(times);
        messageScroll = new JScrollPane(messages);
        composer = new Composer(model);
        list.setCellRenderer(new ConversationRenderer(times, model));
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.addListSelectionListener(e -> {
            if (!listing && !e.getValueIsAdjusting() && list.getSelectedValue() != null) {
                openFromList(list.getSelectedValue().key());
            }
        });
        list.getAccessibleContext().setAccessibleName("Conversations");
        search.getAccessibleContext().setAccessibleName("Search all messages");
        messages.getAccessibleContext().setAccessibleName("Messages");
        export.getAccessibleContext().setAccessibleName("Export this conversation");
        add(searchBar(), BorderLayout.NORTH);
        add(split(), BorderLayout.CENTER);
        searchDelay.setRepeats(false);
        bindKeys();
    }

    /** Follows the messenger and reads the list; then opens the newest conversation unless one was asked for. */
    public void start() {
        if (attached == null) {
            redraw = new Redraw();
            attached = model.attach(redraw);
        }
    }

    public void stop() {
        searchDelay.stop();
        composer.stop();
        if (attached != null) {
            try {
                attached.close();
            } catch (Exception e) {
                // the messenger is going away anyway
            }
            attached = null;
        }
    }

    /** Opens the conversation with {@code peer} ({@code *}: Everyone) with the keyboard in its composer. */
    public void showConversation(String peer) {
        searchDelay.stop();
        search.setText("");
        searchDelay.stop();
        model.open(peer);
        listNow();
        composer.focus();
    }

    /** Gives the keyboard to the composer (after the window has shown: before, the request would be lost). */
    public void focusComposer() {
        composer.focus();
    }

    /** The window came to the front (true) or went behind (false): only in front is the open conversation read. */
    public void setActive(boolean active) {
        model.setActive(active);
    }

    public void focusSearch() {
        search.requestFocusInWindow();
        search.selectAll();
    }

    /** What Esc does once the search box is empty (the window closes itself). */
    public void setCloseAction(Runnable action) {
        closeAction = Objects.requireNonNull(action);
    }

    /** What Export... (Ctrl+E) does with the open conversation. */
    public void setExportAction(Runnable action) {
        exportAction = Objects.requireNonNull(action);
    }

    /** What Review... on the banner does with the open peer's key change. */
    public void setReviewAction(Consumer<KeyChange> action) {
        reviewAction = Objects.requireNonNull(action);
    }

    /** The conversation open now; empty while search results show. */
    public Optional<Conversation> openConversation() {
        return model.openConversation();
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
        messageScroll.getVerticalScrollBar().setUnitIncrement(16);
        messageScroll.getVerticalScrollBar().addAdjustmentListener(e -> {
            if (e.getValueIsAdjusting()) { // the reader drags the thumb
                stickToBottom = atBottom();
                placeFromBottom = -1;
            }
            showMoreAtTheEnd();
        });
        messageScroll.addMouseWheelListener(e -> {
            stickToBottom = atBottom();
            placeFromBottom = -1;
            showMoreAtTheEnd();
        });
        messages.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                if (model.searching()) {
                    return;
                }
                if (placeFromBottom >= 0) {
                    messageScroll.getVerticalScrollBar().setValue(messages.getHeight() - placeFromBottom);
                } else if (stickToBottom) {
                    messages.scrollRectToVisible(new Rectangle(0, messages.getHeight() - 1, 1, 1));
                }
            }
        });
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 3f));
        subtitle.setForeground(UIManager.getColor("Label.disabledForeground"));
        export.setMnemonic(KeyEvent.VK_E);
        export.setToolTipText("Save this conversation as text or HTML (Ctrl+E)");
        export.addActionListener(e -> exportAction.run());
        JPanel titles = new JPanel(new BorderLayout(0, 2));
        titles.setOpaque(false);
        titles.add(title, BorderLayout.NORTH);
        titles.add(subtitle, BorderLayout.CENTER);
        JPanel heading = new JPanel(new BorderLayout(12, 0));
        heading.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 1, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(10, 16, 10, 12)));
        heading.add(titles, BorderLayout.CENTER);
        JPanel exportBox = new JPanel(new BorderLayout());
        exportBox.setOpaque(false);
        exportBox.add(export, BorderLayout.NORTH); // a normal-height button beside the two title lines
        heading.add(exportBox, BorderLayout.EAST);
        JPanel top = new JPanel(new BorderLayout());
        top.add(heading, BorderLayout.NORTH);
        top.add(banner, BorderLayout.SOUTH);
        JPanel right = new JPanel(new BorderLayout());
        right.add(top, BorderLayout.NORTH);
        right.add(messageScroll, BorderLayout.CENTER);
        right.add(composer, BorderLayout.SOUTH);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, listScroll, right);
        split.setResizeWeight(0);
        split.setBorder(BorderFactory.createEmptyBorder());
        split.setContinuousLayout(true);
        return split;
    }

    /**
     * At the top of a conversation, its older messages get their rows (the view keeps where the reader was); at the
     * bottom of search results, the further ones.
     */
    private void showMoreAtTheEnd() {
        if (model.searching()) {
            if (atBottom()) {
                messages.showMore();
            }
        } else if (!stickToBottom && placeFromBottom < 0 && messageScroll.getVerticalScrollBar().getValue() == 0) {
            int place = messages.getHeight(); // the top, as seen from the bottom, which rows above do not move
            if (messages.showMore()) {
                placeFromBottom = place; // kept at each layout until the reader scrolls again
            }
        }
    }

    private boolean atBottom() {
        var bar = messageScroll.getVerticalScrollBar();
        return bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - 8;
    }

    private void bindKeys() {
        key(WHEN_IN_FOCUSED_WINDOW, "control F", "focusSearch", this::focusSearch);
        key(WHEN_IN_FOCUSED_WINDOW, "control E", "export", () -> exportAction.run());
        key(WHEN_IN_FOCUSED_WINDOW, "control L", "focusList", () -> list.requestFocusInWindow());
        key(WHEN_IN_FOCUSED_WINDOW, "alt DOWN", "nextConversation", () -> moveSelection(1));
        key(WHEN_IN_FOCUSED_WINDOW, "alt UP", "previousConversation", () -> moveSelection(-1));
        key(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, "ESCAPE", "escape", () -> {
            if (search.getText().isEmpty()) {
                closeAction.run();
            } else {
                search.setText("");
                runSearch();
            }
        });
        // Up/Down in an empty search box walk the conversation list; Enter in the list goes to the composer
        search.getInputMap().put(KeyStroke.getKeyStroke("DOWN"), "next");
        search.getInputMap().put(KeyStroke.getKeyStroke("UP"), "previous");
        search.getActionMap().put("next", action(() -> {
            if (search.getText().isEmpty()) {
                moveSelection(1);
            }
        }));
        search.getActionMap().put("previous", action(() -> {
            if (search.getText().isEmpty()) {
                moveSelection(-1);
            }
        }));
        list.getInputMap().put(KeyStroke.getKeyStroke("ENTER"), "compose");
        list.getActionMap().put("compose", action(composer::focus));
        // Page Up/Down read back through the conversation from the composer and the search box, as in other chats
        key(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, "PAGE_UP", "olderMessages", () -> scrollMessages(-1));
        key(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, "PAGE_DOWN", "newerMessages", () -> scrollMessages(1));
        composer.passKeysTo(this, "PAGE_UP", "PAGE_DOWN");
    }

    /** One page of messages up (-1) or down (1); at the bottom, new messages keep it there. */
    private void scrollMessages(int direction) {
        placeFromBottom = -1;
        var bar = messageScroll.getVerticalScrollBar();
        bar.setValue(bar.getValue() + direction * bar.getBlockIncrement(direction));
        stickToBottom = atBottom();
        showMoreAtTheEnd();
    }

    private void key(int when, String stroke, String name, Runnable r) {
        getInputMap(when).put(KeyStroke.getKeyStroke(stroke), name);
        getActionMap().put(name, action(r));
    }

    private void moveSelection(int by) {
        if (!listModel.isEmpty()) {
            int to = Math.max(0, Math.min(listModel.size() - 1, list.getSelectedIndex() + by));
            list.setSelectedIndex(to);
            list.ensureIndexIsVisible(to);
        }
    }

    static AbstractAction action(Runnable r) {
        return new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                r.run();
            }
        };
    }

    private void openFromList(String key) {
        if (!search.getText().isEmpty()) {
            search.setText("");
            searchDelay.stop();
        }
        model.open(key);
        listNow();
    }

    private void runSearch() {
        searchDelay.stop();
        model.search(search.getText());
        listNow();
    }

    /** The user chose a conversation or searched: the list shows it at once, not after the gap between redraws. */
    private void listNow() {
        if (redraw != null) {
            redraw.list.now();
        }
    }

    /** The model's changes, drawn; the list a few times a second at most, however many changes a storm brings. */
    private final class Redraw implements ConversationsModel.View {
        private final Redraws list = new Redraws(new SwingTimers(), Redraws.GAP, this::drawList);
        private int loggedUnread = -1; // the first drawing says where it starts

        @Override
        public void listChanged() {
            list.request();
        }

        private void drawList() {
            String selected = model.openConversation().map(Conversation::key).orElse(null);
            listing = true;
            try {
                List<Conversation> now = model.conversations();
                for (int i = 0; i < now.size(); i++) {
                    if (i < listModel.size()) {
                        if (!listModel.get(i).equals(now.get(i))) {
                            listModel.set(i, now.get(i));
                        }
                    } else {
                        listModel.addElement(now.get(i));
                    }
                }
                while (listModel.size() > now.size()) {
                    listModel.remove(listModel.size() - 1);
                }
                select(selected);
            } finally {
                listing = false;
            }
            logUnread();
            composer.showRecipient(model.openConversation());
            export.setEnabled(model.openConversation().isPresent());
            banner.showChange(model.keyChange());
            // "not verified" and key change marks are not part of a conversation's equality
            ConversationsPanel.this.list.repaint();
        }

        /** A line when the list starts to show unread messages and when it shows all read: the desktop test waits. */
        private void logUnread() {
            int now = model.unreadTotal();
            if ((now == 0) != (loggedUnread == 0)) {
                loggedUnread = now;
                LOG.info("Conversations list: {}", now == 0 ? "all read" : now + " unread");
            }
        }

        @Override
        public void keyChangesChanged() {
            banner.showChange(model.keyChange());
            ConversationsPanel.this.list.repaint();
        }

        @Override
        public void messagesReplaced() {
            stickToBottom = !model.searching();
            placeFromBottom = -1;
            messages.show(model.messages(), model.searching());
            model.openConversation().ifPresent(c -> LOG.info("Conversation {} shown: {} messages", c.name(),
                    model.messages().size()));
            if (model.searching()) {
                messageScroll.getVerticalScrollBar().setValue(0);
            }
        }

        @Override
        public void messageAdded(ChatMessage m) {
            messages.add(m);
            logDelivery(m);
        }

        @Override
        public void messageChanged(ChatMessage m) {
            messages.update(m);
            logDelivery(m);
        }

        /** One line per delivery mark shown for what was sent: what the desktop test watches. */
        private void logDelivery(ChatMessage m) {
            if (m.direction() == Direction.OUTBOUND && !model.searching()) {
                LOG.info("Conversation {}: message {} {}", m.peer(), m.rowId(), m.state());
            }
        }

        @Override
        public void headingChanged() {
            ConversationsModel.Heading h = model.heading();
            title.setText(h.title());
            if (!h.subtitle().equals(subtitle.getText()) && !model.searching()) {
                LOG.info("Conversation {} heading: {}", h.title(), h.subtitle()); // presence, for the desktop test
            }
            subtitle.setText(h.subtitle());
        }

        @Override
        public void sendSettled(Optional<String> refusal) {
            composer.settled(refusal);
        }

        @Override
        public void sizeMeasured(SendSize size) {
            composer.showSize(size);
        }
    }

    private void select(String key) {
        if (key == null) {
            list.clearSelection();
            return;
        }
        for (int i = 0; i < listModel.size(); i++) {
            if (listModel.get(i).key().equals(key)) {
                if (list.getSelectedIndex() != i) {
                    list.setSelectedIndex(i);
                }
                list.ensureIndexIsVisible(i);
                return;
            }
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

    Composer composer() {
        return composer;
    }

    KeyChangeBanner banner() {
        return banner;
    }

    JLabel subtitleLabel() {
        return subtitle;
    }
}
