package org.traytalk.tray.desktop;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.platform.idle.IdleTime;
import org.traytalk.tray.model.AwayWatch;
import org.traytalk.tray.model.TrayTimers;

/**
 * The looks for keyboard and mouse input that set the user away and back. They run on the looking thread (the
 * node's housekeeping thread: a look is an X round trip and the first one loads the idle library, neither holds up
 * the Swing thread), and only a change goes to the away watch on the UI thread. One look when the user could first
 * be away, then every {@link #AWAY_LOOK} while away, the idle time's connection held only then.
 */
final class InputLooks {
    private static final Logger LOG = LoggerFactory.getLogger(InputLooks.class);
    /** How often the idle time is looked at while the user could be away: away and back show within this. */
    static final Duration AWAY_LOOK = Duration.ofSeconds(5);

    private final Supplier<IdleTime> idleOfThisDesktop;
    private final TrayTimers looking;
    private final Executor ui;
    private final Consumer<Optional<Duration>> awayWatch;
    private IdleTime idle; // made at the first look, not before the icon shows (it loads JNA)
    private Duration awayAfter = Duration.ZERO;
    private boolean away;
    private TrayTimers.Pending next;
    private long round; // a look scheduled in an earlier round (before stop or a new away time) does nothing

    /**
     * @param looking   runs the looks on the looking thread
     * @param awayWatch told on {@code ui} what the look that changed away or back saw ({@link AwayWatch#tick})
     */
    InputLooks(Supplier<IdleTime> idleOfThisDesktop, TrayTimers looking, Executor ui,
               Consumer<Optional<Duration>> awayWatch) {
        this.idleOfThisDesktop = Objects.requireNonNull(idleOfThisDesktop);
        this.looking = Objects.requireNonNull(looking);
        this.ui = Objects.requireNonNull(ui);
        this.awayWatch = Objects.requireNonNull(awayWatch);
    }

    /** Looks from now on with this away time (zero: never away, no looks), the first when the user could be away. */
    synchronized void lookWith(Duration newAwayAfter) {
        stop();
        awayAfter = Objects.requireNonNull(newAwayAfter);
        if (awayAfter.isZero()) {
            away = false; // as the away watch: never away
            return;
        }
        schedule(nextLook(away, Optional.of(Duration.ZERO), awayAfter));
    }

    /** No more looks, and nothing held open for them. */
    synchronized void stop() {
        round++;
        if (next != null) {
            next.cancel();
            next = null;
        }
        if (idle != null) {
            idle.release();
        }
    }

    /** Timers that run their task on the scheduler's own thread (the looking thread). */
    static TrayTimers on(ScheduledExecutorService scheduler) {
        return (delay, task) -> {
            try {
                Future<?> f = scheduler.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            } catch (RejectedExecutionException e) {
                return () -> { }; // the node is shutting down and the tray with it: no more looks
            }
        };
    }

    private void schedule(Duration delay) {
        long scheduled = round;
        next = looking.after(delay, () -> look(scheduled));
    }

    private synchronized void look(long scheduled) {
        if (scheduled != round) {
            return;
        }
        if (idle == null) {
            idle = idleOfThisDesktop.get();
        }
        Optional<Duration> since = idle.sinceLastInput();
        boolean nowAway = since.map(d -> AwayWatch.idleLongEnough(d, awayAfter)).orElse(away);
        if (nowAway != away) {
            away = nowAway;
            LOG.info("{}", away ? "Away: no keyboard or mouse input" : "Back");
            ui.execute(() -> awayWatch.accept(since));
        }
        if (!away) {
            idle.release(); // the next look is minutes away: no X connection held meanwhile
        }
        schedule(nextLook(away, since, awayAfter));
    }

    /**
     * When to look again: soon while away (to see the user come back), else not before the user could be away, so
     * an idle TrayTalk wakes up once in away.minutes instead of every few seconds.
     */
    static Duration nextLook(boolean away, Optional<Duration> idleFor, Duration awayAfter) {
        if (away || idleFor.isEmpty()) {
            return AWAY_LOOK;
        }
        Duration left = awayAfter.minus(idleFor.get());
        return left.compareTo(AWAY_LOOK) > 0 ? left : AWAY_LOOK;
    }
}
