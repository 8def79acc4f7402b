package org.traytalk.engine;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.InMemoryNetwork;
import org.traytalk.carrier.InMemoryNetwork.InMemoryCarrier;
import org.traytalk.store.MessageStore;
import org.traytalk.store.SqliteMessageStore;
import org.traytalk.testing.TestTrust;

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
    /** TrayTalk's secure frames on the wire; false for the original program's plain messages. */
    boolean secure;
    /** Picks the node's identity; another seed under the same name is another installation (or an impostor). */
    long identitySeed;
    /** The organisation passphrase, or null for none. */
    String passphrase;
    private int starts;
    /** Where it is on the in-memory LAN. */
    String address;
    /** Also on a carrier of the original program, at {@code address + "-fox"}; null when not. */
    InMemoryCarrier legacyCarrier;
    boolean alsoLegacy;
    /** With {@link #alsoLegacy}: the original program's carrier comes first in the engine's list. */
    boolean legacyFirst;
    private Scheduler view;
    FlakyStore store;

    TestNode(String name, Path dir, InMemoryNetwork network, VirtualScheduler time) {
        this.name = name;
        this.dir = dir;
        this.network = network;
        this.time = time;
        this.identitySeed = name.hashCode();
        this.address = name.toLowerCase();
    }

    TestNode start() throws Exception {
        carrier = network.attach(address).legacy(!secure);
        if (carrierLimit > 0) {
            carrier.limitedTo(carrierLimit, Charset.forName("windows-1252"));
        }
        store = new FlakyStore(SqliteMessageStore.open(dir.resolve("history.db"), time.clock(), new Random(name.hashCode())));
        events = new EventLog();
        view = time.view();
        engine = new Engine(EngineOptions.defaults(name, Charset.forName("windows-1252"), HEARTBEAT, FAIL_AFTER),
                store, carriers(), TestTrust.setup(identitySeed, passphrase), view, time.clock(), time::monotonicNanos,
                TestTrust.random(identitySeed * 31 + ++starts)); // each run its own randomness, as in real life
        engine.subscribe(events);
        engine.start();
        time.runDue();
        return this;
    }

    private List<Carrier> carriers() {
        if (!alsoLegacy) {
            return List.of(carrier);
        }
        legacyCarrier = network.attach(address + "-fox").legacy(true).named("fox");
        return legacyFirst ? List.of(legacyCarrier, carrier) : List.of(carrier, legacyCarrier);
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
