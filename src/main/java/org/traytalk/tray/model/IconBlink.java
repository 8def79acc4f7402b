package org.traytalk.tray.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The tray icon blinking while something is unread, when the user asked for it (setting {@code tray.blink}): the
 * unread icon and the normal one take turns every {@link #HALF}. At most one timer is pending; nothing runs while
 * nothing is unread or blinking is off. UI-thread confined: feed it the state the model wants shown, draw
 * {@link #shown} when it calls {@code redraw}.
 */
public final class IconBlink {
    /** How long each of the two icons shows: slow enough to be calm, quick enough to catch the eye. */
    public static final Duration HALF = Duration.ofMillis(800);

    private final TrayTimers timers;
    private final Runnable redraw;
    private boolean enabled;
    private IconState wanted = IconState.NORMAL;
    private boolean off; // the normal icon shows for a moment
    private TrayTimers.Pending pending;

    /** @param redraw called on the UI thread when {@link #shown} changed by itself (a blink) */
    public IconBlink(TrayTimers timers, Runnable redraw) {
        this.timers = Objects.requireNonNull(timers);
        this.redraw = Objects.requireNonNull(redraw);
    }

    public void setEnabled(boolean on) {
        enabled = on;
        update();
    }

    /** The icon the tray model wants shown now ({@link TrayModel#iconState}). */
    public void follow(IconState state) {
        wanted = Objects.requireNonNull(state);
        update();
    }

    /** What the icon shows now: the wanted state, or during a blink the normal icon. */
    public IconState shown() {
        return off ? IconState.NORMAL : wanted;
    }

    public boolean blinking() {
        return enabled && wanted == IconState.UNREAD;
    }

    private void update() {
        if (blinking()) {
            if (pending == null) {
                pending = timers.after(HALF, this::turn);
            }
        } else {
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
            off = false; // whoever changed what is wanted draws it
        }
    }

    private void turn() {
        pending = null;
        if (!blinking()) {
            return;
        }
        off = !off;
        pending = timers.after(HALF, this::turn);
        redraw.run();
    }
}
