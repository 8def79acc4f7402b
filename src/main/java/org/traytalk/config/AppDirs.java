package org.traytalk.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where TrayTalk keeps its files: {@code data} (history database), {@code config} (settings file) and
 * {@code logs}. Built from the platform conventions, or from one folder given by {@code TRAYTALK_HOME}
 * or a {@code --home} option.
 */
public record AppDirs(Path data, Path config, Path logs) {

    /** Environment variable that puts every folder under one directory. */
    public static final String HOME_ENV = "TRAYTALK_HOME";

    public AppDirs {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(logs, "logs");
    }

    /** Data, config and logs (in a {@code logs} subfolder) all under {@code home}, e.g. for {@code --home}. */
    public static AppDirs under(Path home) {
        Path dir = home.toAbsolutePath().normalize();
        return new AppDirs(dir, dir, dir.resolve("logs"));
    }

    /** The folders for the running JVM's OS, environment and user. */
    public static AppDirs forThisMachine() {
        return forPlatform(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home", ".")));
    }

    /**
     * The folders a given OS and environment call for; {@code TRAYTALK_HOME} wins when set.
     *
     * @param osName   the {@code os.name} system property, e.g. "Windows 11", "Linux", "Mac OS X"
     * @param env      the environment variables
     * @param userHome the {@code user.home} system property
     */
    public static AppDirs forPlatform(String osName, Map<String, String> env, Path userHome) {
        String override = nonBlank(env.get(HOME_ENV));
        if (override != null) {
            return under(Path.of(override));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            // Local, not roaming: the history database must not follow the user around a domain.
            Path local = envPath(env, "LOCALAPPDATA", userHome.resolve("AppData").resolve("Local"), false);
            Path roaming = envPath(env, "APPDATA", userHome.resolve("AppData").resolve("Roaming"), false);
            return withLogs(local.resolve("TrayTalk"), roaming.resolve("TrayTalk"));
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            Path support = userHome.resolve("Library").resolve("Application Support").resolve("TrayTalk");
            return withLogs(support, support);
        }
        // Linux and other Unixes follow the XDG base directory spec, which ignores relative values.
        Path dataHome = envPath(env, "XDG_DATA_HOME", userHome.resolve(".local").resolve("share"), true);
        Path configHome = envPath(env, "XDG_CONFIG_HOME", userHome.resolve(".config"), true);
        return withLogs(dataHome.resolve("traytalk"), configHome.resolve("traytalk"));
    }

    /**
     * Creates the folders that do not exist yet, readable only by the user where the file system has
     * POSIX permissions (on Windows the per-user profile folders are already private), and refuses existing ones
     * that are not the user's own ({@link Ownership}).
     *
     * @throws IOException naming the folder that could not be created, is not writable or is not the user's
     */
    public void ensureCreated() throws IOException {
        Set<Path> dirs = new LinkedHashSet<>(List.of(data, config, logs));
        for (Path dir : dirs) {
            createPrivate(dir);
        }
    }

    private static void createPrivate(Path dir) throws IOException {
        try {
            if (!Files.isDirectory(dir)) {
                if (privateSupported(dir)) {
                    FileAttribute<?> owner = PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------"));
                    Files.createDirectories(dir, owner);
                } else {
                    Files.createDirectories(dir);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Cannot create TrayTalk folder " + dir + ": a file with that name is in the way", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IOException("Cannot create TrayTalk folder " + dir + ": " + e, e);
        }
        Ownership.requireOwnFolder(dir);
        if (!Files.isWritable(dir)) {
            throw new IOException("TrayTalk folder " + dir + " is not writable");
        }
    }

    private static boolean privateSupported(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static AppDirs withLogs(Path data, Path config) {
        return new AppDirs(data, config, data.resolve("logs"));
    }

    private static Path envPath(Map<String, String> env, String name, Path fallback, boolean mustBeAbsolute) {
        String value = nonBlank(env.get(name));
        if (value == null) {
            return fallback;
        }
        Path path = Path.of(value);
        return mustBeAbsolute && !path.isAbsolute() ? fallback : path;
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
