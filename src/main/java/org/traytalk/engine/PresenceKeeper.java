package org.traytalk.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.model.Peer;
import org.traytalk.wire.FoxMessage;

/**
 * Keeps presence healthy: announces at start (and again a few times soon after), re-announces ONLINE every heartbeat
 * (jittered), probes peers silent for three heartbeats with a direct DETECT and gives them up only when the probe
 * goes unanswered, and re-announces at once after the machine slept (wall clock jumped ahead of the monotonic clock).
 * Engine thread only.
 */
final class PresenceKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceKeeper.class);
    static final Duration WATCHDOG = Duration.ofSeconds(5);
    static final Duration JUMP = Duration.ofSeconds(10);
    /**
     * After announcing, ONLINE again this much later (each +-10 %), and asking again too ({@code ask}, a DETECT) where
     * a peer's allowance of answers (three at once, then one per 10 s) has one: every exchange that proves a peer
     * current takes three datagrams, and each repeat is one more chance for one that was lost, so an office that
     * starts together lists one another within a few seconds, not at the next heartbeat (PresenceConvergence).
     */
    static final List<Repeat> REPEATS = List.of(new Repeat(Duration.ofSeconds(1), true),
            new Repeat(Duration.ofSeconds(2), false), new Repeat(Duration.ofSeconds(3), true),
            new Repeat(Duration.ofSeconds(4), false), new Repeat(Duration.ofSeconds(15), true),
            new Repeat(Duration.ofSeconds(30), true));

    /** ONLINE {@code after} the announcement, with a DETECT before it if {@code ask}. */
    record Repeat(Duration after, boolean ask) {
    }

    /** What the keeper asks the engine to send. */
    interface Announcer {
        void broadcastSystem(String body);

        void sendSystem(String peerName, String body);
    }

    private final Roster roster;
    private final Scheduler scheduler;
    private final Clock clock;
    private final LongSupplier monotonicNanos;
    private final Announcer announcer;
    private final Supplier<EngineOptions> options;
    private final PeerChanges peers;
    private final RandomGenerator random;
    private final List<Scheduler.Timer> repeatTimers = new ArrayList<>();
    private Scheduler.Timer heartbeatTimer;
    private Scheduler.Timer watchdogTimer;
    private Scheduler.Timer probeTimer;
    private long lastWallMillis;
    private long lastMonoNanos;
    private boolean running;

    PresenceKeeper(Roster roster, Scheduler scheduler, Clock clock, LongSupplier monotonicNanos, RandomGenerator random,
                   Announcer announcer, Supplier<EngineOptions> options, PeerChanges peers) {
        this.roster = roster;
        this.scheduler = scheduler;
        this.clock = clock;
        this.monotonicNanos = monotonicNanos;
        this.random = random;
        this.announcer = announcer;
        this.options = options;
        this.peers = peers;
    }

    /** Announces this node (DETECT, then ONLINE, as the original does) and starts the timers. */
    void start() {
        running = true;
        announceAll();
        scheduleHeartbeat();
        markClocks();
        watchdogTimer = scheduler.schedule(WATCHDOG, this::watchdog);
    }

    /**
     * Starting, network addresses changed, or the machine woke up: tell everyone now and ask who is there, and again
     * a few times a little later ({@link #REPEATS}, jittered, as mDNS does), since nodes that start together lose
     * datagrams in the burst.
     */
    void announceAll() {
        announceAndAsk();
        repeatTimers.forEach(Scheduler.Timer::cancel);
        repeatTimers.clear();
        for (Repeat repeat : REPEATS) {
            repeatTimers.add(scheduler.schedule(jittered(repeat.after(), 0.1), () -> {
                if (running && repeat.ask()) {
                    announceAndAsk();
                } else if (running) {
                    announceOnline();
                }
            }));
        }
    }

    private void announceAndAsk() {
        announcer.broadcastSystem(FoxMessage.DETECT);
        announcer.broadcastSystem(FoxMessage.ONLINE);
    }

    /** Something peers see changed (this user's status): ONLINE to everyone now, not at the next heartbeat. */
    void announceOnline() {
        announcer.broadcastSystem(FoxMessage.ONLINE);
    }

    /** Heartbeat interval changed: restart the timer with the new one. */
    void rescheduleHeartbeat() {
        if (running) {
            scheduleHeartbeat();
        }
    }

    void stop() {
        running = false;
        repeatTimers.forEach(Scheduler.Timer::cancel);
        for (Scheduler.Timer t : new Scheduler.Timer[] {heartbeatTimer, watchdogTimer, probeTimer}) {
            if (t != null) {
                t.cancel();
            }
        }
    }

    private void scheduleHeartbeat() {
        if (heartbeatTimer != null) {
            heartbeatTimer.cancel();
        }
        // +-10 %: a room of nodes started together drifts apart instead of announcing in lockstep
        heartbeatTimer = scheduler.schedule(jittered(options.get().heartbeat(), 0.1), this::heartbeat);
    }

    private void heartbeat() {
        if (!running) {
            return;
        }
        announcer.broadcastSystem(FoxMessage.ONLINE);
        probeSilentPeers();
        scheduleHeartbeat();
    }

    private Duration jittered(Duration base, double fraction) {
        long millis = base.toMillis();
        return Duration.ofMillis(Math.max(1, millis + (long) (millis * fraction * (random.nextDouble() * 2 - 1))));
    }

    private void probeSilentPeers() {
        Instant now = clock.instant();
        Instant silentSince = now.minus(options.get().heartbeat().multipliedBy(3));
        boolean probed = false;
        for (Peer p : roster.needingProbe(silentSince)) {
            LOG.debug("{} silent since {}: probing", p.name(), p.lastSeen());
            roster.probed(p.name(), now);
            announcer.sendSystem(p.name(), FoxMessage.DETECT);
            probed = true;
        }
        if (probed) {
            if (probeTimer != null) {
                probeTimer.cancel();
            }
            probeTimer = scheduler.schedule(options.get().probeTimeout(), this::giveUpUnanswered);
        }
    }

    private void giveUpUnanswered() {
        for (Peer p : roster.unansweredProbes(clock.instant(), options.get().probeTimeout())) {
            peers.offline(p.name(), clock.instant());
        }
    }

    private void watchdog() {
        if (!running) {
            return;
        }
        long wallElapsed = clock.millis() - lastWallMillis;
        long monoElapsed = (monotonicNanos.getAsLong() - lastMonoNanos) / 1_000_000;
        markClocks();
        if (Math.abs(wallElapsed - monoElapsed) > JUMP.toMillis()) {
            LOG.info("Clock jumped by {} ms (sleep or time change): announcing again", wallElapsed - monoElapsed);
            announceAll();
            probeSilentPeers();
        }
        watchdogTimer = scheduler.schedule(WATCHDOG, this::watchdog);
    }

    private void markClocks() {
        lastWallMillis = clock.millis();
        lastMonoNanos = monotonicNanos.getAsLong();
    }
}
