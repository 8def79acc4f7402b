package org.traytalk.app;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.carrier.Carrier;
import org.traytalk.carrier.net.NetworkView;
import org.traytalk.carrier.udp.UdpCarrierOptions;
import org.traytalk.concurrent.DaemonThreads;
import org.traytalk.config.AppDirs;
import org.traytalk.config.LoadedSettings;
import org.traytalk.config.Settings;
import org.traytalk.config.SettingsFile;
import org.traytalk.config.SettingsWatcher;
import org.traytalk.engine.Engine;
import org.traytalk.engine.EngineOptions;
import org.traytalk.engine.Scheduler;
import org.traytalk.engine.TrustSetup;
import org.traytalk.secure.GroupSecrets;
import org.traytalk.store.MessageStore;
import org.traytalk.store.SqliteMessageStore;
import org.traytalk.trust.Identity;
import org.traytalk.trust.IdentityFile;

/** Wires one node from the settings: store, carriers, engine, live settings. The only place that knows them all. */
final class NodeAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(NodeAssembly.class);
    static final String DATABASE = "history.db";

    private NodeAssembly() {
    }

    /** Starts a node owned by this process; warnings about the settings go to {@code warnings}. */
    static RunningNode start(AppDirs dirs, List<String> warnings) throws Exception {
        return start(dirs, warnings, engine -> { });
    }

    /** {@code beforeStart} sees the engine before it goes on the network: listeners attached there miss nothing. */
    static RunningNode start(AppDirs dirs, List<String> warnings, Consumer<Engine> beforeStart)
            throws Exception {
        SettingsFile file = SettingsFile.in(dirs);
        LoadedSettings loaded = file.loadOrCreate();
        warnings.addAll(loaded.warnings());
        Settings settings = loaded.settings();
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        Identity identity = IdentityFile.loadOrCreate(dirs.data().resolve(IdentityFile.NAME), random);
        MessageStore store = SqliteMessageStore.open(dirs.data().resolve(DATABASE), clock, random);
        long instanceId = UdpCarrierOptions.newInstanceId(random);
        // one thread for the light periodic work (settings file, network addresses) instead of one each
        ScheduledExecutorService housekeeping =
                Executors.newSingleThreadScheduledExecutor(new DaemonThreads("traytalk-housekeeping"));
        List<Carrier> carriers = CarrierAssembly.build(settings, NetworkView.system(), housekeeping, instanceId,
                warnings);
        TrustSetup trust = new TrustSetup(identity, GroupSecrets.derive(settings.group(), settings.passphrase()), instanceId);
        Engine engine = new Engine(options(settings), store, carriers, trust, Scheduler.singleThread("traytalk-engine"),
                clock, System::nanoTime, random);
        try {
            beforeStart.accept(engine);
            engine.setStatusLine(settings.statusLine()); // in the first announcement already
            engine.start();
        } catch (Exception e) {
            engine.close();
            housekeeping.shutdownNow();
            throw e;
        }
        SettingsWatcher watcher = new SettingsWatcher(file, housekeeping);
        watcher.subscribe(changed -> applyLive(engine, settings, changed, file.path()));
        watcher.start();
        LOG.info("TrayTalk node {} started: carriers {}, data in {}", settings.displayName(), settings.carriers(),
                dirs.data());
        return new RunningNode(engine, watcher, housekeeping, file, settings);
    }

    static EngineOptions options(Settings s) {
        return EngineOptions.defaults(s.displayName(), s.legacyCharset(), s.heartbeat(), s.failAfter())
                .withUnverified(s.unverified()).withSeenReceipts(s.seenReceipts());
    }

    /** Name, timing and the status line apply at once; network settings need a restart, and the log says so. */
    private static void applyLive(Engine engine, Settings started, LoadedSettings changed, Path file) {
        changed.warnings().forEach(LOG::warn);
        Settings s = changed.settings();
        engine.apply(options(s));
        engine.setStatusLine(s.statusLine());
        if (!s.network().equals(started.network())) {
            LOG.warn("Network settings changed in {}: they take effect when TrayTalk is restarted", file);
        }
    }
}
