package org.traytalk.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the settings file when it changes and hands the result to listeners. Writes through the process's own
 * {@link SettingsFile} (the settings window) are read at once. Edits by others (an editor, another TrayTalk command)
 * are found by a look at the file's attributes every poll interval on the node's housekeeping thread, which other
 * light periodic work shares (a {@code WatchService} would take two threads of its own); such a change is read once
 * the file has stayed the same for the debounce period, so editors finish writing. Listeners hear only settings that
 * really differ. Single use.
 * Ours rather than Commons Configuration's reloading builder: its detector compares the modification time alone, in
 * milliseconds (we also compare size and file identity, so a quick rewrite or a replace-by-rename is seen; see
 * CommonsConfigurationTest and SettingsWatcherTest), and a reload must go through {@link SettingsFile} (validation,
 * defaults, the window's own writes), not a builder.
 */
public final class SettingsWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsWatcher.class);

    private final SettingsFile file;
    private final ScheduledExecutorService housekeeping;
    private final Duration debounce;
    private final Duration pollInterval;
    private final List<Consumer<LoadedSettings>> listeners = new CopyOnWriteArrayList<>();
    private final Runnable written = this::writtenHere;
    private ScheduledFuture<?> looking;
    private boolean closed;
    private volatile boolean ownWrite;
    // the fields below belong to the housekeeping thread: one thread, so looks never overlap
    private LoadedSettings last;
    private Stamp lastStamp;
    private Stamp changedStamp;
    private long changedSince;
    private volatile int reloads;

    public SettingsWatcher(SettingsFile file, ScheduledExecutorService housekeeping, Duration debounce,
                           Duration pollInterval) {
        this.file = Objects.requireNonNull(file, "file");
        this.housekeeping = Objects.requireNonNull(housekeeping, "housekeeping");
        this.debounce = debounce;
        this.pollInterval = pollInterval;
    }

    /** Debounce 300 ms, a look for others' edits every 5 s (each wakes an idle TrayTalk). */
    public SettingsWatcher(SettingsFile file, ScheduledExecutorService housekeeping) {
        this(file, housekeeping, Duration.ofMillis(300), Duration.ofSeconds(5));
    }

    /** Adds a listener, called on the housekeeping thread with each changed result; the handle removes it. */
    public AutoCloseable subscribe(Consumer<LoadedSettings> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** Takes the file as it is now as the baseline and starts watching. */
    public synchronized void start() {
        if (looking != null || closed) {
            throw new IllegalStateException("SettingsWatcher is single use");
        }
        lastStamp = Stamp.of(file.path());
        last = file.load();
        long millis = pollInterval.toMillis();
        looking = housekeeping.scheduleWithFixedDelay(this::look, millis, millis, TimeUnit.MILLISECONDS);
        file.afterWrite(written);
    }

    /** Stops looking; a look under way finishes. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        file.removeAfterWrite(written);
        if (looking != null) {
            looking.cancel(false);
        }
    }

    /** This process wrote the whole file (it replaces the file in one move): read it now, without a debounce. */
    private synchronized void writtenHere() {
        if (!closed) {
            ownWrite = true;
            housekeeping.execute(this::look);
        }
    }

    /** One look: a changed file is read once it has stayed the same for the debounce period. */
    private void look() {
        try {
            boolean ours = ownWrite;
            ownWrite = false;
            Stamp now = Stamp.of(file.path());
            if (now.equals(lastStamp)) {
                changedStamp = null;
                return;
            }
            if (!ours && !debounce.isZero()) {
                if (!now.equals(changedStamp)) { // changed since the last look: wait until it stays as it is
                    changedStamp = now;
                    changedSince = System.nanoTime();
                }
                long left = debounce.toNanos() - (System.nanoTime() - changedSince);
                if (left > 0) {
                    lookAgainIn(left);
                    return;
                }
            }
            lastStamp = now;
            changedStamp = null;
            LoadedSettings loaded = file.load();
            reloads++;
            if (!loaded.equals(last)) {
                last = loaded;
                notifyListeners(loaded);
            }
        } catch (RuntimeException e) { // the next look tries again; a failing one must not end the looking
            LOG.warn("Reading the changed settings file {} failed", file.path(), e);
        }
    }

    private synchronized void lookAgainIn(long nanos) {
        if (!closed) {
            housekeeping.schedule(this::look, nanos, TimeUnit.NANOSECONDS);
        }
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

    /**
     * What tells a changed file without reading it: modification time, size and file (a replaced file is another
     * one). One call for the attributes and no text, since it runs every poll interval all day.
     */
    private record Stamp(long modifiedNanos, long size, Object fileKey) {
        static final Stamp MISSING = new Stamp(-1, -1, null);

        static Stamp of(Path path) {
            try {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.size(), a.fileKey());
            } catch (IOException e) {
                return MISSING;
            }
        }
    }
}
