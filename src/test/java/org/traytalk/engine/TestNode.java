package org.traytalk.engine;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.traytalk.carrier.InMemoryNetwork;
import org.traytalk.carrier.InMemoryNetwork.InMemoryCarrier;
import org.traytalk.store.MessageStore;
import org.traytalk.store.SqliteMessageStore;

/** One engine on the in-memory LAN with its own store folder; can be stopped, killed and restarted. */
final class TestNode {
    static final Duration HEARTBEAT = Duration.ofSeconds(60);
    static final Duration FAIL_AFTER = Duration.ofHours(2);

    final String name;
    final Path dir;
    final InMemoryNetwork network;
    final VirtualScheduler time;
    Engine engine;
    InMemoryCarrier carrier;
    EventLog events;
    int carrierLimit;
    private Scheduler view;
    FlakyStore store;

    TestNode(String name, Path dir, InMemoryNetwork network, VirtualScheduler time) {
        this.name = name;
        this.dir = dir;
        this.network = network;
        this.time = time;
    }

    TestNode start() throws Exception {
        carrier = network.attach(name.toLowerCase());
        if (carrierLimit > 0) {
            carrier.limitedTo(carrierLimit, Charset.forName("windows-1252"));
        }
        store = new FlakyStore(SqliteMessageStore.open(dir.resolve("history.db"), time.clock(), new Random(name.hashCode())));
        events = new EventLog();
        view = time.view();
        engine = new Engine(EngineOptions.defaults(name, Charset.forName("windows-1252"), HEARTBEAT, FAIL_AFTER),
                store, List.of(carrier), view, time.clock(), time::monotonicNanos, new Random(1));
        engine.subscribe(events);
        engine.start();
        time.runDue();
        return this;
    }

    /** Orderly shutdown: OFFLINE goes out. */
    void stop() {
        engine.close();
        time.runDue();
    }

    /** Like kill -9: no OFFLINE, timers gone, carrier detached. */
    void kill() {
        view.close();
        carrier.close();
        store.close();
        engine = null;
    }
}
