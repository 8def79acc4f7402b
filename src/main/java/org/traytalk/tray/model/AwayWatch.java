package org.traytalk.tray.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.traytalk.engine.Messenger;
import org.traytalk.model.Status;

/**
 * Away after so long without keyboard or mouse input, back on the next input: the messenger's status follows (with
 * the user's status line), and the pop-ups collect what arrives meanwhile for a summary on return. Fed by a timer
 * that looks at the idle time every few seconds; UI-thread confined, the status is handed over on {@code background}.
 */
public final class AwayWatch {
    private final Messenger messenger;
    private final Executor background;
    private final AlertQueue alerts;
    private Duration awayAfter = Duration.ZERO;
    private String line = "";
    private boolean away;
    private Status told;

    public AwayWatch(Messenger messenger, Executor background, AlertQueue alerts) {
        this.messenger = Objects.requireNonNull(messenger);
        this.background = Objects.requireNonNull(background);
        this.alerts = Objects.requireNonNull(alerts);
    }

    /** The settings: idle time that means away (zero: never) and the status line; the status follows at once. */
    public void configure(Duration newAwayAfter, String newLine) {
        awayAfter = Objects.requireNonNull(newAwayAfter);
        line = newLine == null ? "" : newLine.strip();
        if (away && awayAfter.isZero()) {
            setAway(false);
        }
        tell();
    }

    /** One look at the idle time; empty when the desktop cannot tell (then nothing changes). */
    public void tick(Optional<Duration> idle) {
        if (idle.isEmpty()) {
            return;
        }
        boolean idleLongEnough = idleLongEnough(idle.get(), awayAfter);
        if (idleLongEnough != away) {
            setAway(idleLongEnough);
            tell();
        }
    }

    /** Whether this idle time means away with this setting (zero: never away). */
    public static boolean idleLongEnough(Duration idle, Duration awayAfter) {
        return !awayAfter.isZero() && idle.compareTo(awayAfter) >= 0;
    }

    public boolean away() {
        return away;
    }

    private void setAway(boolean now) {
        away = now;
        alerts.setAway(now);
    }

    private void tell() {
        Status now = new Status(away, line);
        if (!now.equals(told)) {
            told = now;
            background.execute(() -> messenger.setStatus(now));
        }
    }
}
