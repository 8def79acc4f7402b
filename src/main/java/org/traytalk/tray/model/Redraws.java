package org.traytalk.tray.model;

import java.time.Duration;

/**
 * Spaces out the redraws of one view: the first change after a quiet spell is drawn at once (after what the UI thread
 * has queued), then at most one more per {@code gap}, which shows whatever changed meanwhile. A storm of changes (a
 * flood of messages, thousands of peers coming online) costs a few redraws a second instead of one per change.
 * UI-thread confined.
 */
public final class Redraws {
    /** At most four redraws a second: still feels immediate, and a flood cannot keep the UI thread busy drawing. */
    public static final Duration GAP = Duration.ofMillis(250);

    private final TrayTimers timers;
    private final Duration gap;
    private final Runnable redraw;
    private TrayTimers.Pending pending;
    private boolean changed;
    private boolean stopped;

    public Redraws(TrayTimers timers, Duration gap, Runnable redraw) {
        this.timers = timers;
        this.gap = gap;
        this.redraw = redraw;
    }

    /** Something changed: it will be drawn, soon or at the end of the current gap. */
    public void request() {
        if (stopped) {
            return;
        }
        changed = true;
        if (pending == null) {
            pending = timers.after(Duration.ZERO, this::draw);
        }
    }

    private void draw() {
        pending = null;
        if (stopped || !changed) {
            return; // a quiet gap: the next change is drawn at once
        }
        changed = false;
        redraw.run();
        pending = timers.after(gap, this::draw); // ends the gap; draws again only if something changed during it
    }

    /** Whether a change waits to be drawn. */
    public boolean due() {
        return changed && !stopped;
    }

    /** Draws at once, for a change the user made: it shows before the next key press, whatever the gap. */
    public void now() {
        if (!stopped) {
            changed = false;
            redraw.run();
        }
    }

    /** No more redraws, the one due included. */
    public void stop() {
        stopped = true;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
