package org.traytalk.tray.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.BoxLayout;
import javax.swing.UIManager;
import org.traytalk.model.ChatMessage;

/**
 * The messages of one conversation (oldest at the top) or of a search (newest at the top), as rows. Only the
 * {@link #PAGE} rows nearest the start are built at first (a conversation's newest, a search's best), and
 * {@link #showMore} builds the next ones as the reader scrolls toward them: 500 rows of Swing components took
 * 1.2-2.2 s to build on a loaded 2-core machine, while the window is to open within 300 ms.
 */
@SuppressWarnings("serial") // Swing components are Serializable by inheritance; TrayTalk never serializes them
final class MessageListView extends WidthTrackingPanel {
    /** Rows built at a time: more than a tall window shows. */
    static final int PAGE = 40;
    private final TimeText times;
    private final Map<Long, MessageRow> rows = new HashMap<>();
    private final List<ChatMessage> all = new ArrayList<>();
    /** Search results, which name each message's conversation, best first; else one conversation, oldest first. */
    private boolean withConversation;
    private long newestRow = Long.MIN_VALUE;
    /** The part of {@link #all} that has rows: from (inclusive) to (exclusive). */
    private int from;
    private int to;

    MessageListView(TimeText times) {
        super(null);
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        this.times = times;
        setBackground(UIManager.getColor("TextArea.background"));
    }

    /**
     * Replaces what is shown, in the given order: a conversation (oldest first) shows its newest {@link #PAGE}, search
     * results ({@code namingConversation}, best first) their first {@link #PAGE}.
     */
    void show(List<ChatMessage> messages, boolean namingConversation) {
        removeAll();
        rows.clear();
        all.clear();
        all.addAll(messages);
        newestRow = messages.stream().mapToLong(ChatMessage::rowId).max().orElse(Long.MIN_VALUE);
        withConversation = namingConversation;
        from = namingConversation ? 0 : Math.max(0, all.size() - PAGE);
        to = namingConversation ? Math.min(all.size(), PAGE) : all.size();
        for (int i = from; i < to; i++) {
            add(row(all.get(i)));
        }
        revalidate();
        repaint();
    }

    /**
     * Builds up to {@link #PAGE} more rows where the reader is heading: older messages above a conversation, further
     * results below a search. False when every message has its row already.
     */
    boolean showMore() {
        if (withConversation ? to == all.size() : from == 0) {
            return false;
        }
        if (withConversation) {
            int end = Math.min(all.size(), to + PAGE);
            for (int i = to; i < end; i++) {
                add(row(all.get(i)));
            }
            to = end;
        } else {
            int start = Math.max(0, from - PAGE);
            for (int i = from - 1; i >= start; i--) {
                add(row(all.get(i)), 0);
            }
            from = start;
        }
        revalidate();
        repaint();
        return true;
    }

    /** Updates a message of this view, shown or not yet built; false if it is not one of them. */
    boolean update(ChatMessage m) {
        MessageRow row = rows.get(m.rowId());
        if (row != null) {
            row.update(m);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).rowId() == m.rowId()) {
                all.set(i, m);
                return true;
            }
        }
        return false;
    }

    /** Updates a shown message, or adds a newer one at the bottom (a new message in the open conversation). */
    void add(ChatMessage m) {
        if (!update(m) && m.rowId() > newestRow) {
            newestRow = m.rowId();
            all.add(m);
            if (to == all.size() - 1) {
                add(row(m));
                to++;
            }
            revalidate();
            repaint();
        }
    }

    private MessageRow row(ChatMessage m) {
        MessageRow row = new MessageRow(m, withConversation, times);
        row.setAlignmentX(LEFT_ALIGNMENT);
        rows.put(m.rowId(), row);
        return row;
    }

    /** The rows built, top to bottom. */
    List<MessageRow> rows() {
        return Arrays.stream(getComponents()).map(MessageRow.class::cast).toList();
    }
}
