package org.traytalk.bench;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.traytalk.carrier.net.NetworkView;
import org.traytalk.carrier.udp.UdpCarrier;
import org.traytalk.carrier.udp.UdpCarrierOptions;
import org.traytalk.engine.Engine;
import org.traytalk.engine.EngineOptions;
import org.traytalk.engine.Scheduler;
import org.traytalk.store.SqliteMessageStore;
import org.traytalk.testing.TestTrust;

/** A real node for the benchmarks: UDP carrier and SQLite store in {@code dir}, started. */
final class BenchNode {
    private BenchNode() {
    }

    static Engine start(String name, Path dir, int port, List<String> interfaces, List<String> targets)
            throws Exception {
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        UdpCarrier udp = new UdpCarrier(new UdpCarrierOptions(port, "FOXAPP", UdpCarrierOptions.newInstanceId(random),
                interfaces, targets), NetworkView.system());
        Engine engine = new Engine(EngineOptions.defaults(name, Charset.forName("windows-1252"), Duration.ofSeconds(60),
                Duration.ofHours(1)), SqliteMessageStore.open(dir.resolve("history.db"), Clock.systemUTC(), random),
                List.of(udp), TestTrust.setup(name.hashCode()), Scheduler.singleThread("traytalk-engine-" + name),
                Clock.systemUTC(), System::nanoTime, random);
        engine.start();
        return engine;
    }
}
