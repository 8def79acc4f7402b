package org.traytalk.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings file {@code traytalk.properties}: written with commented-out defaults on first run, read
 * leniently (a bad value warns and falls back, never fails), and edited one key at a time.
 * Safe to use from several threads.
 */
public final class SettingsFile {

    public static final String FILE_NAME = "traytalk.properties";
    /** A file beside the settings whose first line is the organisation passphrase. */
    public static final String GROUP_KEY = "group.key";

    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);

    private final Path path;
    private final Settings defaults;
    private final List<Runnable> afterWrite = new CopyOnWriteArrayList<>();

    /**
     * @param path        the properties file
     * @param defaultName the display name used when the file sets none, see {@link ComputerName}
     */
    public SettingsFile(Path path, String defaultName) {
        this.path = Objects.requireNonNull(path, "path");
        this.defaults = SettingValues.defaults(defaultName);
    }

    /** The file in {@code dirs.config()}, defaulting the name to this computer's name. */
    public static SettingsFile in(AppDirs dirs) {
        return new SettingsFile(dirs.config().resolve(FILE_NAME), ComputerName.ofThisMachine());
    }

    public Path path() {
        return path;
    }

    /** Runs {@code action} after each write through this object (the watcher reads our own writes at once). */
    public void afterWrite(Runnable action) {
        afterWrite.add(Objects.requireNonNull(action, "action"));
    }

    public void removeAfterWrite(Runnable action) {
        afterWrite.remove(action);
    }

    /** What every setting is when the file does not set it. */
    public Settings defaults() {
        return defaults;
    }

    /**
     * Writes the commented-out defaults if the file does not exist yet.
     *
     * @return true if the file was written now
     */
    public synchronized boolean createIfMissing() throws IOException {
        if (Files.exists(path)) {
            return false;
        }
        writeLines(SettingsTemplate.lines(defaults));
        return true;
    }

    /** Creates the file if missing (a failure to do so becomes a warning), then {@link #load}s it. */
    public LoadedSettings loadOrCreate() {
        String problem = null;
        try {
            if (createIfMissing()) {
                LOG.info("Wrote default settings to {}", path);
            }
        } catch (IOException e) {
            problem = "Cannot write the default settings file " + path + ": " + e.getMessage();
            LOG.warn(problem);
        }
        LoadedSettings loaded = load();
        if (problem == null) {
            return loaded;
        }
        List<String> warnings = new ArrayList<>(loaded.warnings());
        warnings.add(0, problem);
        return new LoadedSettings(loaded.settings(), warnings);
    }

    /**
     * Reads the file; a missing file means all defaults. Without a passphrase in it, a {@value #GROUP_KEY} file beside
     * it (one an installer can drop) gives the passphrase in its first line. Every warning is also logged.
     */
    public LoadedSettings load() {
        LoadedSettings loaded = new SettingsReader(path, defaults).read();
        Path keyFile = path.resolveSibling(GROUP_KEY);
        if (loaded.settings().passphrase().isEmpty() && Files.isRegularFile(keyFile)) {
            loaded = withKeyFile(loaded, keyFile);
        }
        loaded.warnings().forEach(LOG::warn);
        return loaded;
    }

    private static LoadedSettings withKeyFile(LoadedSettings loaded, Path keyFile) {
        List<String> warnings = new ArrayList<>(loaded.warnings());
        try {
            String line = Files.readAllLines(keyFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .findFirst().orElse("");
            String passphrase = SettingValues.passphrase(line);
            if (passphrase.isEmpty()) {
                warnings.add(keyFile + " is empty: no organisation passphrase is used");
            }
            return new LoadedSettings(loaded.settings().withPassphrase(passphrase), warnings);
        } catch (IOException | SettingValues.BadValueException | UncheckedIOException e) {
            warnings.add("Cannot use the organisation passphrase in " + keyFile + ": " + e.getMessage()
                    + ". TrayTalk goes on without one, so members with the passphrase will not see it.");
            return new LoadedSettings(loaded.settings(), warnings);
        }
    }

    /**
     * Why {@code value} is refused for {@code key}, or empty when it is fine; for forms that check a field as it is typed.
     */
    public static Optional<String> problemWith(SettingKey key, String value) {
        try {
            SettingValues.parse(key, value);
            return Optional.empty();
        } catch (SettingValues.BadValueException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** {@code key}'s value in {@code settings} as the file writes it, e.g. {@code "udp, netbios"}. */
    public static String text(SettingKey key, Settings settings) {
        return SettingValues.format(key, settings);
    }

    /**
     * Sets one key and saves, keeping every other line (comments included) as it was.
     *
     * @param key   a key from {@link SettingKey}, e.g. {@code udp.port}
     * @param value the new value in file syntax, e.g. {@code "udp, netbios"}
     * @throws IllegalArgumentException for an unknown key or a value its rules refuse (nothing is written)
     */
    public synchronized void set(String key, String value) throws IOException {
        SettingKey settingKey = SettingKey.byKey(key)
                .orElseThrow(() -> new IllegalArgumentException("Unknown setting '" + key + "'"));
        try {
            SettingValues.parse(settingKey, value);
        } catch (SettingValues.BadValueException e) {
            throw new IllegalArgumentException("Bad value \"" + value + "\" for '" + key + "': " + e.getMessage(), e);
        }
        List<String> lines = Files.exists(path)
                ? Files.readAllLines(path, StandardCharsets.UTF_8)
                : SettingsTemplate.lines(defaults);
        writeLines(PropertiesLines.withValue(lines, key, value.strip()));
    }

    private void writeLines(List<String> lines) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String separator = System.lineSeparator(); // CRLF on Windows, so Notepad shows the lines
        String text = String.join(separator, lines) + separator;
        // Write a sibling and move it over the file, so a reader never sees half a file.
        Path temp = Files.createTempFile(dir, ".traytalk", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        afterWrite.forEach(Runnable::run);
    }
}
