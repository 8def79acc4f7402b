package org.traytalk.carrier;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a receive loop that nothing can end but closing: whatever one turn throws (an {@link OutOfMemoryError} under a
 * flood included) is caught, logged at most once a minute, and the loop goes on. When turns keep failing the loop
 * is failing: it says so once, pauses between tries so that it cannot spin, and says so again once a turn works.
 * A turn that reports its source gone for good ends the loop as failing for good.
 */
public final class ReceiveGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveGuard.class);
    /** Failed turns in a row before the loop counts as failing. */
    static final int FAILURES_BEFORE_FAILING = 5;
    static final Duration LOG_EVERY = Duration.ofMinutes(1);

    /** One turn of the loop: waits for one datagram and hands it on. */
    @FunctionalInterface
    public interface Turn {
        /** False when the source is gone for good (a socket or handle closed under the loop). */
        boolean receive() throws Exception;

        /** The loop is over (closed, or the source gone): release what only the loop's thread may release. */
        default void ended() {
        }
    }

    /** Hears when receiving stops working and when it works again, once each way. */
    public interface Health {
        void failing(String why);

        void working();
    }

    private final String what;
    private final Health health;
    private final CarrierLifecycle lifecycle;
    private final Duration pause;
    private final LongSupplier nanos;
    private int failuresInARow;
    private long failuresSinceLogged;
    private long loggedAt;
    private boolean logged;
    private boolean failing;

    /**
     * @param what  what receives, for the log and the user: "UDP carrier"
     * @param pause how long a failing loop waits between turns (less if the carrier closes)
     * @param nanos the monotonic clock that spaces the log lines
     */
    public ReceiveGuard(String what, Health health, CarrierLifecycle lifecycle, Duration pause, LongSupplier nanos) {
        this.what = what;
        this.health = health;
        this.lifecycle = lifecycle;
        this.pause = pause;
        this.nanos = nanos;
    }

    /** Takes turns until the carrier closes or the source is gone, then lets the turn clean up; returns only then. */
    public void run(Turn turn) {
        try {
            takeTurns(turn);
        } finally {
            turn.ended();
        }
    }

    private void takeTurns(Turn turn) {
        while (!lifecycle.isClosed()) {
            try {
                if (!takeTurn(turn)) {
                    return;
                }
            } catch (InterruptedException e) {
                // only closing ends the loop; kept, the flag would cut every later pause short and let it spin
            } catch (Throwable reporting) {
                failuresInARow++; // reporting failed too (no memory left for a log line): the loop outlives that
            }
        }
    }

    /** False once the source is gone; throws only when reporting what happened fails. */
    private boolean takeTurn(Turn turn) throws InterruptedException {
        boolean goOn;
        try {
            goOn = turn.receive();
        } catch (Throwable t) { // even an Error: one datagram must not cost every later one
            if (!lifecycle.isClosed()) {
                failed(t);
            }
            return true;
        }
        if (!goOn) {
            if (!lifecycle.isClosed()) {
                gone();
            }
            return false;
        }
        worked();
        return true;
    }

    private void gone() {
        LOG.error("{} stopped receiving: its socket or handle was closed under it", what);
        health.failing(what + " stopped receiving (its socket or handle was closed) and cannot receive again until"
                + " TrayTalk restarts");
    }

    private void worked() {
        failuresInARow = 0;
        if (failing) {
            failing = false;
            LOG.info("{} receives again", what);
            health.working();
        }
    }

    private void failed(Throwable t) throws InterruptedException {
        failuresInARow++;
        failuresSinceLogged++;
        long now = nanos.getAsLong();
        if (!logged || now - loggedAt >= LOG_EVERY.toNanos()) {
            LOG.warn("{} failed to receive ({} times since the last report)", what, failuresSinceLogged, t);
            logged = true;
            loggedAt = now;
            failuresSinceLogged = 0;
        }
        if (failuresInARow >= FAILURES_BEFORE_FAILING) {
            if (!failing) {
                failing = true;
                health.failing(what + " cannot receive (" + t + ")");
            }
            lifecycle.awaitClose(pause.toMillis());
        }
    }
}
