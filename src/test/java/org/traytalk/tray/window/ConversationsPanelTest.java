package org.traytalk.tray.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.traytalk.testing.FakeMessenger.T0;
import static org.traytalk.testing.FakeMessenger.inbound;
import static org.traytalk.testing.FakeMessenger.inboundBroadcast;
import static org.traytalk.testing.FakeMessenger.keyChange;
import static org.traytalk.testing.FakeMessenger.legacyPeer;
import static org.traytalk.testing.FakeMessenger.outbound;
import static org.traytalk.testing.FakeMessenger.peer;
import static org.traytalk.testing.FakeMessenger.unverifiedInbound;

import java.awt.Component;
import java.awt.Rectangle;
import java.awt.datatransfer.StringSelection;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import javax.swing.plaf.basic.BasicHTML;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.traytalk.engine.SendSize;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.DeliveryState;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Status;
import org.traytalk.testing.FakeMessenger;
import org.traytalk.tray.model.KeyChangeList;

class ConversationsPanelTest {
    private final FakeMessenger messenger = new FakeMessenger();
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private ConversationsPanel panel;
    private KeyChangeList keyChanges;
    private AutoCloseable keyChangesAttached;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @AfterEach
    void stop() {
        if (panel != null) {
            Swing.run(panel::stop);
        }
        reader.shutdownNow();
    }

    private void start() {
        panel = Swing.call(() -> {
            keyChanges = new KeyChangeList(messenger, reader, SwingUtilities::invokeLater);
            keyChangesAttached = keyChanges.attach();
            ConversationsPanel p = new ConversationsPanel(messenger, keyChanges, reader, SwingUtilities::invokeLater,
                    Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC));
            p.start();
            return p;
        });
        waitFor(() -> panel.conversationList().getModel().getSize() > 0);
    }

    /** Patience, not a time limit: on a loaded machine a 32 KB word took more than 5 s to show. */
    private void waitFor(Supplier<Boolean> conditionOnSwingThread) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Swing.call(conditionOnSwingThread::get));
    }

    private List<String> conversationKeys() {
        return Swing.call(() -> {
            var model = panel.conversationList().getModel();
            return IntStream.range(0, model.getSize()).mapToObj(i -> model.getElementAt(i).key())
                    .toList();
        });
    }

    private boolean bobShownOffline() {
        Conversation first = panel.conversationList().getModel().getElementAt(0);
        return first.key().equals("BOB") && !first.online();
    }

    private List<ChatMessage> shown() {
        return Swing.call(() -> panel.messageView().rows().stream().map(MessageRow::message).toList());
    }

    private void standardHistory() {
        messenger.peers.add(peer("Bob", true));
        messenger.peers.add(peer("Carol", false));
        messenger.peers.add(peer("Erin", true));
        messenger.history.add(inbound(1, "Bob", "morning"));
        messenger.history.add(outbound(2, "Carol", "lunch at noon?", DeliveryState.FAILED));
        messenger.history.add(outbound(3, "BOB", "lunch today?", DeliveryState.DELIVERED));
        messenger.history.add(inboundBroadcast(4, "Dave", "fire drill at 3"));
    }

    @Test
    void listsOneConversationPerPeerNewestFirstWithBroadcastsAsEveryone() {
        standardHistory();
        start();

        assertThat(conversationKeys()).containsExactly("*", "BOB", "CAROL", "ERIN");
        Swing.run(() -> {
            Conversation everyone = panel.conversationList().getModel().getElementAt(0);
            assertThat(ConversationRenderer.title(everyone)).isEqualTo("Everyone");
            assertThat(ConversationRenderer.preview(everyone)).isEqualTo("Dave: fire drill at 3");
            Conversation bob = panel.conversationList().getModel().getElementAt(1);
            assertThat(bob.online()).isTrue();
            assertThat(ConversationRenderer.preview(bob)).isEqualTo("You: lunch today?");
            assertThat(ConversationRenderer.preview(panel.conversationList().getModel().getElementAt(3)))
                    .isEqualTo("No messages yet");
        });
        assertThat(messenger.readOnSwingThread).isFalse();
    }

    @Test
    void opensTheNewestConversationAndShowsAPeersMessagesOldestFirstWithMarks() {
        standardHistory();
        start();
        waitFor(() -> panel.messageView().rows().size() == 1);
        assertThat(shown()).extracting(ChatMessage::rowId).containsExactly(4L);

        Swing.run(() -> panel.conversationList().setSelectedIndex(1));
        waitFor(() -> panel.messageView().rows().size() == 2);
        assertThat(shown()).extracting(ChatMessage::rowId).containsExactly(1L, 3L);
        Swing.run(() -> {
            List<MessageRow> rows = panel.messageView().rows();
            assertThat(panel.titleLabel().getText()).isEqualTo("Bob");
            assertThat(MessageRow.senderText(rows.get(0).message(), false)).isEqualTo("Bob");
            assertThat(MessageRow.senderText(rows.get(1).message(), false)).isEqualTo("You");
            assertThat(rows.get(0).mark().getText()).isEmpty();
            assertThat(rows.get(1).mark().getText()).isEqualTo("\u2713\u2713");
            assertThat(rows.get(1).mark().getToolTipText()).isEqualTo("Delivered");
        });
    }

    @Test
    void everyDeliveryStateHasItsOwnMarkAndWords() {
        messenger.history.add(outbound(1, "Bob", "a", DeliveryState.QUEUED));
        messenger.history.add(outbound(2, "Bob", "b", DeliveryState.SENT));
        messenger.history.add(outbound(3, "Bob", "c", DeliveryState.DELIVERED));
        messenger.history.add(outbound(4, "Bob", "d", DeliveryState.FAILED));
        messenger.history.add(outbound(5, "Bob", "e", DeliveryState.SEEN));
        start();
        Swing.run(() -> panel.showConversation("bob"));
        waitFor(() -> panel.messageView().rows().size() == 5);
        Swing.run(() -> {
            List<JLabel> marks = panel.messageView().rows().stream().map(MessageRow::mark).toList();
            assertThat(marks).extracting(JLabel::getText).containsExactly("\u25F7", "\u2713", "\u2713\u2713", "\u26A0",
                    "\u2713\u2713");
            assertThat(marks).extracting(JLabel::getToolTipText).containsExactly(
                    "Queued: waiting until the recipient is online", "Sent, not confirmed yet", "Delivered",
                    "Not delivered: no confirmation in time", "Seen: shown to the recipient");
            assertThat(marks.get(4).getForeground()).isNotEqualTo(marks.get(2).getForeground());
        });
    }

    @Test
    void searchesEveryConversationNamingThePeerAndEscClearsTheSearch() {
        standardHistory();
        start();
        Swing.run(() -> {
            panel.searchField().setText("lunch");
            panel.searchField().postActionEvent();
        });
        waitFor(() -> panel.messageView().rows().size() == 2);
        assertThat(messenger.queries).anyMatch(q -> "lunch".equals(q.search()) && q.peer() == null);
        Swing.run(() -> {
            assertThat(panel.titleLabel().getText()).isEqualTo("Search");
            List<MessageRow> rows = panel.messageView().rows();
            assertThat(rows).extracting(r -> r.message().rowId()).containsExactly(3L, 2L);
            assertThat(rows).extracting(r -> MessageRow.senderText(r.message(), true))
                    .containsExactly("You \u2192 BOB", "You \u2192 Carol");
            panel.getActionMap().get("escape").actionPerformed(new ActionEvent(panel, 0, "escape"));
            assertThat(panel.searchField().getText()).isEmpty();
        });
        waitFor(() -> panel.messageView().rows().size() == 1); // back to the selected conversation, Everyone
        assertThat(shown()).extracting(ChatMessage::rowId).containsExactly(4L);
        assertThat(messenger.readOnSwingThread).isFalse();
    }

    @Test
    void escWithAnEmptySearchClosesTheWindow() {
        start();
        boolean[] closed = new boolean[1];
        Swing.run(() -> {
            panel.setCloseAction(() -> closed[0] = true);
            panel.getActionMap().get("escape").actionPerformed(new ActionEvent(panel, 0, "escape"));
        });
        assertThat(closed[0]).isTrue();
    }

    @Test
    void followsNewMessagesAndStateChangesFromTheEngineThread() throws Exception {
        standardHistory();
        start();
        Swing.run(() -> panel.showConversation("Bob"));
        waitFor(() -> panel.messageView().rows().size() == 2);

        ChatMessage fromCarol = inbound(5, "Carol", "on my way");
        ChatMessage toBob = outbound(6, "Bob", "see you", DeliveryState.SENT);
        Thread engine = new Thread(() -> {
            messenger.fire(l -> l.messageReceived(fromCarol));
            messenger.fire(l -> l.messageUpdated(toBob));
            messenger.fire(l -> l.messageUpdated(toBob.withState(DeliveryState.DELIVERED, T0, List.of())));
            messenger.fire(l -> l.peerOffline(peer("Bob", false)));
        });
        engine.start();
        engine.join(5000);

        // the list is redrawn a few times a second at most: wait until it has drawn the last event too
        waitFor(() -> panel.messageView().rows().size() == 3 && bobShownOffline());
        assertThat(conversationKeys()).startsWith("BOB", "CAROL", "*");
        Swing.run(() -> {
            MessageRow newest = panel.messageView().rows().get(2);
            assertThat(newest.message().rowId()).isEqualTo(6);
            assertThat(newest.mark().getText()).isEqualTo("\u2713\u2713");
            Conversation bob = panel.conversationList().getModel().getElementAt(0);
            assertThat(bob.online()).isFalse();
            assertThat(ConversationRenderer.preview(panel.conversationList().getModel().getElementAt(1)))
                    .isEqualTo("on my way");
        });
    }

    @Test
    void showsMarkupLiterallyAndNeverAsAnHtmlLabel() {
        String markup = "<html><img src=http://x>";
        messenger.peers.add(peer("<html><b>Eve", true));
        messenger.history.add(inbound(1, "<html><b>Eve", markup));
        messenger.history.add(inbound(2, "<html><b>Eve", "abc\u202Edef\u0007"));
        start();
        Swing.run(() -> panel.showConversation("<html><b>Eve"));
        waitFor(() -> panel.messageView().rows().size() == 2);
        Swing.run(() -> {
            List<MessageRow> rows = panel.messageView().rows();
            assertThat(rows.get(0).body().getText()).isEqualTo(markup);
            assertThat(rows.get(0).body().getDocument().getLength()).isEqualTo(markup.length());
            assertThat(rows.get(1).body().getText()).isEqualTo("abcdef");
            List<JLabel> labels = new ArrayList<>(Swing.all(panel, JLabel.class));
            JList<Conversation> list = panel.conversationList();
            for (int i = 0; i < list.getModel().getSize(); i++) {
                labels.addAll(Swing.all(list.getCellRenderer()
                        .getListCellRendererComponent(list, list.getModel().getElementAt(i), i, true, true),
                        JLabel.class));
            }
            assertThat(labels).extracting(JLabel::getText).filteredOn(t -> t != null)
                    .noneMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("<html"))
                    .anyMatch(t -> t.contains("<html><b>Eve"));
        });
    }

    @Test
    void wrapsAThirtyTwoKilobyteWordInsideTheWindowWidth() {
        String word = "x".repeat(32 * 1024);
        messenger.history.add(inbound(1, "Bob", word));
        start();
        Swing.run(() -> panel.showConversation("Bob"));
        waitFor(() -> panel.messageView().rows().size() == 1);
        Swing.run(() -> {
            panel.setSize(900, 600);
            for (int pass = 0; pass < 3; pass++) {
                Swing.layOut(panel);
            }
        });
        Swing.run(() -> {
            var body = panel.messageView().rows().get(0).body();
            assertThat(body.getText()).hasSize(32 * 1024);
            assertThat(body.getLineWrap()).isTrue();
            assertThat(body.getWidth()).isBetween(1, 900);
            assertThat(panel.messageView().getWidth()).isLessThanOrEqualTo(900);
            assertThat(body.getPreferredSize().height).isGreaterThan(20 * body.getFontMetrics(body.getFont()).getHeight());
        });
    }

    @Test
    void showConversationAddsAnUnknownPeerAndSelectsIt() throws Exception {
        standardHistory();
        start();
        Swing.run(() -> panel.showConversation("Zed"));
        Swing.run(() -> {
            assertThat(panel.conversationList().getSelectedValue().key()).isEqualTo("ZED");
            assertThat(panel.titleLabel().getText()).isEqualTo("Zed");
        });
        Swing.run(() -> panel.showConversation("*"));
        Swing.run(() -> assertThat(panel.titleLabel().getText()).isEqualTo("Everyone"));
        Swing.run(panel::stop);
        keyChangesAttached.close(); // the app's, not the panel's
        assertThat(messenger.subscriberCount()).isZero();
    }

    @Test
    void everyActionHasAKeyAndEveryControlASpokenName() {
        standardHistory();
        start();
        waitFor(() -> panel.messageView().rows().size() == 1); // Everyone, the newest
        boolean[] exported = new boolean[1];
        Swing.run(() -> {
            panel.setExportAction(() -> exported[0] = true);
            InputMap keys = panel.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW);
            assertThat(keys.get(KeyStroke.getKeyStroke("control F"))).isEqualTo("focusSearch");
            assertThat(keys.get(KeyStroke.getKeyStroke("control E"))).isEqualTo("export");
            assertThat(keys.get(KeyStroke.getKeyStroke("control L"))).isEqualTo("focusList");
            assertThat(keys.get(KeyStroke.getKeyStroke("alt DOWN"))).isEqualTo("nextConversation");
            assertThat(keys.get(KeyStroke.getKeyStroke("alt UP"))).isEqualTo("previousConversation");
            panel.getActionMap().get("export").actionPerformed(new ActionEvent(panel, 0, "export"));
            panel.getActionMap().get("nextConversation").actionPerformed(new ActionEvent(panel, 0, "next"));
        });
        assertThat(exported[0]).isTrue();
        waitFor(() -> panel.messageView().rows().size() == 2); // Bob's
        Swing.run(() -> {
            assertThat(panel.titleLabel().getText()).isEqualTo("Bob");
            assertThat(panel.conversationList().getAccessibleContext().getAccessibleName()).isEqualTo("Conversations");
            assertThat(panel.searchField().getAccessibleContext().getAccessibleName()).isEqualTo("Search all messages");
            assertThat(panel.composer().textArea().getAccessibleContext().getAccessibleName()).isEqualTo("Message to Bob");
            assertThat(panel.composer().sendButton().getAccessibleContext().getAccessibleName()).isEqualTo("Send");
            assertThat(panel.composer().sendButton().getMnemonic()).isEqualTo(KeyEvent.VK_S);
            Conversation bob = panel.conversationList().getSelectedValue();
            assertThat(ConversationRenderer.accessibleName(bob, Status.AVAILABLE, false, false))
                    .isEqualTo("Bob, online, 1 unread");
            assertThat(ConversationRenderer.accessibleName(bob, new Status(true, "at lunch\nback at 2"), false, false))
                    .isEqualTo("Bob, away, at lunch back at 2, 1 unread");
        });
    }

    @Test
    void textPastedIntoTheComposerWithEmojiIsCountedAndEnterSendsItAsItIs() {
        standardHistory();
        start();
        Swing.run(() -> panel.showConversation("Bob"));
        waitFor(() -> panel.messageView().rows().size() == 2);
        String pasted = "Caf\u00E9 \uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD \u2013 " + "pasted line of text ".repeat(1000)
                + "\n\tend <b>not bold</b>";
        int bytes = pasted.getBytes(StandardCharsets.UTF_8).length;
        Swing.run(() -> {
            JTextArea box = panel.composer().textArea();
            // what Ctrl+V does: the text component's transfer handler takes the clipboard's text
            assertThat(box.getTransferHandler().importData(new TransferHandler.TransferSupport(box,
                    new StringSelection(pasted)))).isTrue();
            assertThat(box.getText()).isEqualTo(pasted);
            act(box, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, KeyEvent.SHIFT_DOWN_MASK)); // Shift+Enter: a new line
            assertThat(box.getText()).isEqualTo(pasted + "\n");
            box.setCaretPosition(box.getDocument().getLength());
            box.replaceSelection("last line");
        });
        String typed = pasted + "\nlast line";
        waitFor(() -> panel.composer().counter().getText().startsWith(String.format("%,d / ", bytes + 10)));
        Swing.run(() -> act(panel.composer().textArea(), KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !messenger.sent.isEmpty());
        assertThat(messenger.sent).containsExactly(new FakeMessenger.Sent("Bob", typed));
        Swing.run(() -> {
            assertThat(panel.composer().textArea().getText()).isEmpty();
            // a peer of the original program gets it in parts: the counter warns (SendSize as the engine measures it)
            panel.composer().showSize(new SendSize(bytes, 32 * 1024, 131, "mailslot"));
            assertThat(panel.composer().counter().getText()).endsWith("arrives as 131 messages (mailslot takes less)");
        });
    }

    @Test
    void pageUpAndDownInTheComposerReadBackThroughTheConversation() {
        openLaidOut(60);
        JScrollBar bar = Swing.call(() -> Swing.all(panel, JScrollPane.class).stream()
                .filter(p -> p.getViewport().getView() == panel.messageView()).findFirst().orElseThrow()
                .getVerticalScrollBar());
        Swing.run(() -> {
            bar.setValue(bar.getMaximum());
            int bottom = bar.getValue();
            assertThat(bottom).isPositive();
            act(panel.composer().textArea(), KeyStroke.getKeyStroke("PAGE_UP"));
            assertThat(bar.getValue()).isLessThan(bottom);
            act(panel.composer().textArea(), KeyStroke.getKeyStroke("PAGE_DOWN"));
            assertThat(bar.getValue()).isEqualTo(bottom);
        });
    }

    @Test
    void aLongConversationOpensWithItsNewestRowsAndTheOlderComeAsTheReaderScrollsUp() {
        openLaidOut(500);
        assertThat(shownBodies()).first().isEqualTo("message number " + (500 - MessageListView.PAGE + 1));
        assertThat(shownBodies()).last().isEqualTo("message number 500");

        MessageRow oldTop = Swing.call(() -> panel.messageView().rows().get(0));
        for (int i = 0; i < 200 && Swing.call(() -> panel.messageView().rows().size()) == MessageListView.PAGE; i++) {
            Swing.run(() -> {
                act(panel.composer().textArea(), KeyStroke.getKeyStroke("PAGE_UP"));
                for (int pass = 0; pass < 3; pass++) {
                    Swing.layOut(panel); // as the window's layout would, after each key
                }
            });
        }
        assertThat(Swing.call(() -> panel.messageView().rows())).as("older rows once the reader reached the top")
                .hasSize(2 * MessageListView.PAGE);
        layOutPanel();
        Swing.run(() -> {
            Rectangle seen = panel.messageView().getVisibleRect();
            assertThat(seen.getY()).as("the view moved down with the rows added above").isPositive();
            assertThat(seen.contains(oldTop.getX(), oldTop.getY())).as("the reader's place, %s in %s",
                    oldTop.getBounds(), seen).isTrue();
        });
        assertThat(shownBodies()).first().isEqualTo("message number " + (500 - 2 * MessageListView.PAGE + 1));
    }

    /** Bob's conversation of {@code count} messages, open in a 900 x 600 panel laid out as a window would be. */
    private void openLaidOut(int count) {
        for (int i = 1; i <= count; i++) {
            messenger.history.add(inbound(i, "Bob", "message number " + i));
        }
        start();
        Swing.run(() -> panel.showConversation("Bob"));
        waitFor(() -> panel.messageView().rows().size() == Math.min(count, MessageListView.PAGE));
        layOutPanel();
    }

    private void layOutPanel() {
        Swing.run(() -> {
            panel.setSize(900, 600);
            for (int pass = 0; pass < 3; pass++) {
                Swing.layOut(panel);
            }
        });
    }

    private List<String> shownBodies() {
        return Swing.call(() -> panel.messageView().rows().stream().map(r -> r.body().getText()).toList());
    }

    /**
     * Walks the whole window, message rows and list entries included: every control the keyboard reaches has a name
     * a screen reader says, and no label, button or tooltip holds text Swing would render as HTML.
     */
    @Test
    void everyControlHasASpokenNameAndNoTextIsTakenForHtml() {
        String markup = "<html><img src=http://x>";
        messenger.peers.add(peer("<html><b>Eve", true));
        messenger.history.add(inbound(1, "<html><b>Eve", markup));
        messenger.history.add(outbound(2, "<html><b>Eve", markup, DeliveryState.DELIVERED));
        messenger.keyChanges.add(keyChange("<html><b>Eve", 1, 2));
        start();
        Swing.run(() -> panel.showConversation("<html><b>Eve"));
        waitFor(() -> panel.messageView().rows().size() == 2 && panel.banner().isVisible());
        Swing.run(() -> {
            List<Component> all = new ArrayList<>(Swing.all(panel, Component.class));
            JList<Conversation> list = panel.conversationList();
            for (int i = 0; i < list.getModel().getSize(); i++) {
                Component entry = list.getCellRenderer().getListCellRendererComponent(list,
                        list.getModel().getElementAt(i), i, true, true);
                all.addAll(Swing.all(entry, Component.class));
                assertThat(entry.getAccessibleContext().getAccessibleName()).as("list entry %d", i).isNotBlank();
            }
            assertThat(Swing.unnamedControls(all)).as("controls without a spoken name").isEmpty();
            assertThat(Swing.shownTexts(all)).noneMatch(BasicHTML::isHTMLString)
                    .anyMatch(t -> t.contains("<html><b>Eve"));
            assertThat(panel.messageView().rows().get(1).body().getAccessibleContext().getAccessibleName())
                    .startsWith("You, ").endsWith(", Delivered");
        });
    }

    private static void act(JComponent on, KeyStroke key) {
        Object name = on.getInputMap().get(key);
        assertThat(name).as("%s is bound", key).isNotNull();
        on.getActionMap().get(name).actionPerformed(new ActionEvent(on, ActionEvent.ACTION_PERFORMED, ""));
    }

    @Test
    void aChangedKeyShowsABannerThatOpensTheReviewAndUnverifiedSendersAreMarked() {
        messenger.peers.add(peer("Bob", true));
        messenger.peers.add(legacyPeer("Winpc", true));
        messenger.history.add(inbound(1, "Bob", "morning"));
        messenger.history.add(unverifiedInbound(2, "Winpc", "pay the invoice now"));
        KeyChange bob = keyChange("Bob", 1, 2);
        messenger.keyChanges.add(bob);
        start();
        List<KeyChange> reviewed = new ArrayList<>();
        Swing.run(() -> {
            panel.setReviewAction(reviewed::add);
            panel.showConversation("Winpc");
        });
        waitFor(() -> panel.messageView().rows().size() == 1);
        Swing.run(() -> {
            assertThat(MessageRow.senderText(panel.messageView().rows().get(0).message(), false))
                    .isEqualTo("Winpc (not verified)");
            assertThat(panel.subtitleLabel().getText()).startsWith("Online \u00B7 not verified");
            assertThat(panel.banner().isVisible()).isFalse();
        });

        Swing.run(() -> panel.showConversation("Bob"));
        waitFor(() -> panel.banner().isVisible());
        Swing.run(() -> {
            assertThat(panel.banner().text()).isEqualTo("Bob's key changed: someone may be posing as Bob. 2 messages"
                    + " from the new key are held until you review it.");
            panel.banner().reviewButton().getActionListeners()[0]
                    .actionPerformed(new ActionEvent(panel.banner().reviewButton(), 0, "review"));
        });
        assertThat(reviewed).containsExactly(bob);

        Swing.run(() -> keyChanges.keep(bob));
        waitFor(() -> !panel.banner().isVisible());
    }
}
