package org.traytalk.carrier.udp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.net.LocalAddress;
import org.traytalk.carrier.net.NetworkView;

/** Keeps the target plan in step with the machine's addresses, polling them on the thread it is given. */
final class AddressWatch {

    private static final Logger LOG = LoggerFactory.getLogger(AddressWatch.class);

    private final NetworkView network;
    private final Function<List<LocalAddress>, TargetPlan> planner;
    private final Runnable onChange;
    private volatile TargetPlan current;
    private ScheduledFuture<?> polling;

    AddressWatch(NetworkView network, Function<List<LocalAddress>, TargetPlan> planner, Runnable onChange) {
        this.network = network;
        this.planner = planner;
        this.onChange = onChange;
        this.current = planner.apply(read(List.of()));
    }

    TargetPlan current() {
        return current;
    }

    /** Polls every {@code interval} on {@code thread}; zero or negative means never. */
    synchronized void start(Duration interval, ScheduledExecutorService thread) {
        if (interval.isZero() || interval.isNegative() || polling != null) {
            return;
        }
        long millis = interval.toMillis();
        polling = thread.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Re-reads the addresses; when the selected ones changed, replaces the plan and runs the change action. */
    synchronized void refresh() {
        TargetPlan next = planner.apply(read(current.selected()));
        if (Set.copyOf(next.selected()).equals(Set.copyOf(current.selected()))) {
            return;
        }
        current = next;
        LOG.info("local addresses changed; UDP everyone-messages now go to {}", next.destinations());
        try {
            onChange.run();
        } catch (RuntimeException e) { // a faulty callback must not end the polling
            LOG.warn("address change callback failed", e);
        }
    }

    synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    private List<LocalAddress> read(List<LocalAddress> fallback) {
        try {
            return network.upIpv4Addresses();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot list network interfaces: {}", e.toString());
            return fallback;
        }
    }
}
