package org.traytalk.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.config.Ownership;

/**
 * Keeps the SQLite driver's native library unpacked in TrayTalk's data folder and points the driver at it
 * ({@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}) before it first loads. Told where its library is, the
 * driver loads that file and skips its own search: the platform probe ({@code uname -o}, whose child process keeps
 * Java's process-reaper thread alive for a minute) and the copy of the library into the temp folder at each start.
 * The file is used only while its length and CRC-32 are those the jar records for its copy; a missing, partial or
 * other file is replaced atomically. Where that cannot be done (a platform only the driver can name, a folder that is not the user's own or
 * cannot be written), the driver's own search stays in charge and the reason is logged.
 */
public final class SqliteLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteLibrary.class);
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    /** The folder in the data folder that holds the library. */
    static final String FOLDER = "native";
    private static final int CHUNK = 64 * 1024;

    /** The driver's resources in TrayTalk's jar. */
    interface Jar {
        /** The jar's own record of the resource's bytes, or empty when it has no such resource. */
        Optional<Checksum> checksum(String resource) throws IOException;

        InputStream open(String resource) throws IOException;
    }

    /** A file's length and CRC-32, as a jar's directory records them for each entry. */
    record Checksum(long size, long crc32) {
        static Checksum of(InputStream in) throws IOException {
            CRC32 crc = new CRC32();
            byte[] chunk = new byte[CHUNK];
            long size = 0;
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                crc.update(chunk, 0, n);
                size += n;
            }
            return new Checksum(size, crc.getValue());
        }

        /** Compared field by field: a record's own equals is bootstrapped at first use, some ms of a cold start. */
        boolean sameAs(Checksum other) {
            return other != null && size == other.size && crc32 == other.crc32;
        }
    }

    private final SqliteNativeName name;
    private final Jar jar;
    private final Properties properties;

    SqliteLibrary(SqliteNativeName name, Jar jar, Properties properties) {
        this.name = name;
        this.jar = jar;
        this.properties = properties;
    }

    /** For this JVM, before the driver first loads: the library in {@code dataDir}'s {@value #FOLDER} folder. */
    public static void useFrom(Path dataDir) {
        useFrom(dataDir, System.getProperties());
    }

    /** As {@link #useFrom(Path)}, setting {@code properties} (the system properties but in tests). */
    static void useFrom(Path dataDir, Properties properties) {
        new SqliteLibrary(SqliteNativeName.of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                mappedFiles()), new ClassPathJar(SqliteLibrary.class.getClassLoader()), properties)
                .prepare(dataDir.resolve(FOLDER));
    }

    private static String mappedFiles() {
        try {
            return Files.readString(Path.of("/proc/self/maps"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Sets the driver's two properties to a verified copy in {@code folder}; true if it did. */
    boolean prepare(Path folder) {
        if (properties.getProperty(PATH_PROPERTY) != null || properties.getProperty(NAME_PROPERTY) != null) {
            LOG.debug("The launcher names the SQLite library: {} {}", properties.getProperty(PATH_PROPERTY),
                    properties.getProperty(NAME_PROPERTY));
            return false;
        }
        if (!name.named()) {
            LOG.info("The SQLite driver looks for its library itself: {}", name.whyNot());
            return false;
        }
        try {
            unpack(folder);
        } catch (IOException e) {
            LOG.info("The SQLite driver looks for its library itself (a copy in the temp folder at each start): {}",
                    e.getMessage());
            return false;
        }
        properties.setProperty(PATH_PROPERTY, folder.toAbsolutePath().toString());
        properties.setProperty(NAME_PROPERTY, SqliteNativeName.LIBRARY);
        return true;
    }

    private void unpack(Path folder) throws IOException {
        createOwnerOnly(folder);
        Optional<String> problem = Ownership.problem(folder);
        if (problem.isPresent()) {
            throw new IOException("will not load a library from " + folder + ": " + problem.get());
        }
        Checksum original = jar.checksum(name.resource())
                .orElseThrow(() -> new IOException("the jar has no " + name.resource()));
        Path file = folder.resolve(SqliteNativeName.LIBRARY);
        if (original.sameAs(checksum(file))) {
            return;
        }
        Path tmp = posix(folder)
                ? Files.createTempFile(folder, SqliteNativeName.LIBRARY, ".tmp", ownerOnly("rw-------"))
                : Files.createTempFile(folder, SqliteNativeName.LIBRARY, ".tmp");
        try {
            try (InputStream in = jar.open(name.resource()); OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (!original.sameAs(checksum(file))) {
            throw new IOException(file + " differs from the driver's copy right after it was written");
        }
        LOG.info("Unpacked the SQLite library to {}", file);
    }

    private static void createOwnerOnly(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            if (posix(folder.getParent())) {
                Files.createDirectories(folder, ownerOnly("rwx------"));
            } else {
                Files.createDirectories(folder);
            }
        }
    }

    /** The checksum of a regular file (not a link); null when there is none or it cannot be read. */
    private static Checksum checksum(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Checksum.of(in);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The jar this class came from: the checksum from the jar's directory, so a start reads the unpacked file (about
     * 1 ms) instead of inflating the library (10-15 ms on a cold JVM); computed where the resource is no jar entry.
     */
    private record ClassPathJar(ClassLoader loader) implements Jar {
        @Override
        public Optional<Checksum> checksum(String resource) throws IOException {
            URL url = loader.getResource(resource);
            if (url == null) {
                return Optional.empty();
            }
            if (url.openConnection() instanceof JarURLConnection entry) {
                JarEntry e = entry.getJarEntry();
                if (e.getSize() >= 0 && e.getCrc() >= 0) {
                    return Optional.of(new Checksum(e.getSize(), e.getCrc()));
                }
            }
            try (InputStream in = url.openStream()) {
                return Optional.of(Checksum.of(in));
            }
        }

        @Override
        public InputStream open(String resource) throws IOException {
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("the jar has no " + resource);
            }
            return in;
        }
    }

    private static boolean posix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> ownerOnly(String modes) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(modes));
    }
}
