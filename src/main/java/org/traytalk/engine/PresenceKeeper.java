package org.traytalk.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.model.Peer;
import org.traytalk.wire.FoxMessage;

/**
 * Keeps presence healthy: re-announces ONLINE every heartbeat, probes peers silent for three heartbeats
 * with a direct DETECT and gives them up only when the probe goes unanswered, and re-announces at once
 * after the machine slept (wall clock jumped ahead of the monotonic clock). Engine thread only.
 */
final class PresenceKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceKeeper.class);
    static final Duration WATCHDOG = Duration.ofSeconds(5);
    static final Duration JUMP = Duration.ofSeconds(10);

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
    private Scheduler.Timer heartbeatTimer;
    private Scheduler.Timer watchdogTimer;
    private Scheduler.Timer probeTimer;
    private long lastWallMillis;
    private long lastMonoNanos;
    private boolean running;

    PresenceKeeper(Roster roster, Scheduler scheduler, Clock clock, LongSupplier monotonicNanos, Announcer announcer,
                   Supplier<EngineOptions> options, PeerChanges peers) {
        this.roster = roster;
        this.scheduler = scheduler;
        this.clock = clock;
        this.monotonicNanos = monotonicNanos;
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

    /** Network addresses changed or the machine woke up: tell everyone now and check who is still there. */
    void announceAll() {
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
        heartbeatTimer = scheduler.schedule(options.get().heartbeat(), this::heartbeat);
    }

    private void heartbeat() {
        if (!running) {
            return;
        }
        announcer.broadcastSystem(FoxMessage.ONLINE);
        probeSilentPeers();
        scheduleHeartbeat();
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
