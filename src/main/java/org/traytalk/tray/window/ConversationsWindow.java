package org.traytalk.tray.window;

import java.awt.Dimension;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.concurrent.DaemonThreads;
import org.traytalk.engine.Messenger;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.Conversation;
import org.traytalk.model.HistoryQuery;
import org.traytalk.text.ConversationExport;
import org.traytalk.text.ConversationExport.Format;
import org.traytalk.tray.model.ConversationsModel;
import org.traytalk.tray.model.KeyChangeList;
import org.traytalk.tray.model.PlainText;

/**
 * The conversations window: one per app, opened again it comes to the front. Call every method on the Swing
 * thread. History is read, and messages are handed to the messenger, on a thread of its own ("traytalk-history").
 */
public final class ConversationsWindow {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationsWindow.class);
    public static final String TITLE = "Conversations - TrayTalk";

    private final Messenger messenger;
    private final KeyChangeList keyChanges;
    private final Consumer<String> review;
    private final Clock clock;
    private final WindowIcons icons;
    private final Runnable closed;
    private JFrame frame;
    private ConversationsPanel panel;
    private ExecutorService worker;

    /**
     * @param keyChanges the app's key changes waiting for review (attached by its owner)
     * @param review     opens the review of the key change waiting for a name (Review... on a conversation's banner)
     * @param closed     runs once the window is gone (the app gives the memory it used back)
     */
    public ConversationsWindow(Messenger messenger, KeyChangeList keyChanges, Consumer<String> review, Clock clock,
                               WindowIcons icons, Runnable closed) {
        this.messenger = Objects.requireNonNull(messenger);
        this.keyChanges = Objects.requireNonNull(keyChanges);
        this.review = Objects.requireNonNull(review);
        this.clock = Objects.requireNonNull(clock);
        this.icons = Objects.requireNonNull(icons);
        this.closed = Objects.requireNonNull(closed);
    }

    /** Opens the window, or brings it to the front. */
    public void show() {
        if (frame == null) {
            build();
        }
        Frames.bringToFront(frame);
        LOG.info("Conversations shown");
    }

    /** Opens the window (or brings it to the front) at the conversation with {@code peer} ({@code *}: Everyone). */
    public void showConversation(String peer) {
        if (frame == null) {
            build();
        }
        panel.showConversation(peer);
        Frames.bringToFront(frame);
        SwingUtilities.invokeLater(() -> {
            if (panel != null) {
                panel.focusComposer();
            }
        });
        LOG.info("Conversations shown at {}", peer);
    }

    /** Closes the window and stops following the messenger; {@link #show} opens a fresh one. */
    public void close() {
        if (frame == null) {
            return;
        }
        panel.stop();
        worker.shutdown(); // a message being handed over still is; reads not yet started are dropped with the window
        frame.dispose();
        frame = null;
        panel = null;
        closed.run();
    }

    /** Asks where, then writes the whole conversation (up to 10,000 messages) there, as HTML unless named .txt. */
    private void export(Conversation c) {
        String title = c.everyone() ? "Messages to and from everyone" : "Conversation with " + c.name();
        JFileChooser chooser = new JFileChooser();
        chooser.setDialogTitle("Export " + ConversationsModel.title(c));
        FileNameExtensionFilter html = new FileNameExtensionFilter("Web page (*.html)", "html", "htm");
        chooser.addChoosableFileFilter(html);
        chooser.addChoosableFileFilter(new FileNameExtensionFilter("Plain text (*.txt)", "txt"));
        chooser.setFileFilter(html);
        chooser.setSelectedFile(new File(PlainText.line(title).replaceAll("[\\\\/:*?\"<>|]", "_") + ".html"));
        if (chooser.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        Format format = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt") ? Format.TEXT
                : Format.HTML;
        JFrame owner = frame;
        worker.execute(() -> {
            try {
                List<ChatMessage> messages = new ArrayList<>(messenger.history(new HistoryQuery(c.key(), null,
                        HistoryQuery.MAX_LIMIT)));
                Collections.reverse(messages);
                Files.writeString(file, new ConversationExport(clock.getZone()).write(format, title, clock.instant(),
                        messages));
                LOG.info("Exported {} messages of {} to {}", messages.size(), c.key(), file);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Exporting {} to {} failed", c.key(), file, e);
                SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(owner, PlainText.notHtml(
                        "Could not write " + file + ": " + PlainText.line(String.valueOf(e.getMessage()))),
                        "Export", JOptionPane.ERROR_MESSAGE));
            }
        });
    }

    private void build() {
        worker = Executors.newSingleThreadExecutor(new DaemonThreads("traytalk-history"));
        panel = new ConversationsPanel(messenger, keyChanges, worker, SwingUtilities::invokeLater, clock);
        panel.setCloseAction(this::close);
        panel.setReviewAction(c -> {
            LOG.info("Conversation banner: review of {}", c.name());
            review.accept(c.name());
        });
        panel.setExportAction(() -> panel.openConversation().ifPresent(this::export));
        frame = new JFrame(TITLE);
        frame.setName("traytalk-conversations");
        icons.applyTo(frame);
        Frames.closeWith(frame, this::close);
        frame.addWindowFocusListener(new WindowAdapter() {
            @Override
            public void windowGainedFocus(WindowEvent e) {
                panel.setActive(true);
            }

            @Override
            public void windowLostFocus(WindowEvent e) {
                if (panel != null) {
                    panel.setActive(false);
                }
            }
        });
        frame.setContentPane(panel);
        frame.setSize(980, 680);
        frame.setMinimumSize(new Dimension(680, 440));
        frame.setLocationRelativeTo(null);
        panel.start();
    }
}
