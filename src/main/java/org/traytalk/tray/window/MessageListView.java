package org.traytalk.tray.window;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.BoxLayout;
import javax.swing.UIManager;
import org.traytalk.model.ChatMessage;

/** The messages of one conversation (oldest at the top) or of a search (newest at the top), as rows. */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
final class MessageListView extends WidthTrackingPanel {
    private final TimeText times;
    private final Map<Long, MessageRow> rows = new HashMap<>();
    private boolean withConversation;
    private long newestRow = Long.MIN_VALUE;

    MessageListView(TimeText times) {
        super(null);
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        this.times = times;
        setBackground(UIManager.getColor("TextArea.background"));
    }

    /** Replaces what is shown, in the given order. */
    void show(List<ChatMessage> messages, boolean namingConversation) {
        removeAll();
        rows.clear();
        newestRow = Long.MIN_VALUE;
        withConversation = namingConversation;
        messages.forEach(this::append);
        revalidate();
        repaint();
    }

    /** Updates the row of a message already shown; false if it is not shown. */
    boolean update(ChatMessage m) {
        MessageRow row = rows.get(m.rowId());
        if (row == null) {
            return false;
        }
        row.update(m);
        return true;
    }

    /** Updates a shown message, or adds a newer one at the bottom (a new message in the open conversation). */
    void add(ChatMessage m) {
        if (!update(m) && m.rowId() > newestRow) {
            append(m);
            revalidate();
            repaint();
        }
    }

    private void append(ChatMessage m) {
        MessageRow row = new MessageRow(m, withConversation, times);
        row.setAlignmentX(LEFT_ALIGNMENT);
        rows.put(m.rowId(), row);
        newestRow = Math.max(newestRow, m.rowId());
        add(row);
    }

    /** The rows, top to bottom. */
    List<MessageRow> rows() {
        return Arrays.stream(getComponents()).map(MessageRow.class::cast).toList();
    }
}
