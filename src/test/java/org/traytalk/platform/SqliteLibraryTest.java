package org.traytalk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.testing.CapturedLog;

/**
 * The SQLite library is unpacked once into the data folder, replaced when it is not the jar's, and the driver's
 * properties name it only once its bytes are verified; anything that prevents that leaves the driver's own search in
 * charge, with the reason in the log.
 */
class SqliteLibraryTest {
    static final String GLIBC_MAPS = "7f00-7f01 r-xp 00000000 fe:00 1 /usr/lib/x86_64-linux-gnu/libc.so.6\n";
    static final SqliteNativeName LINUX = SqliteNativeName.of("Linux", "amd64", GLIBC_MAPS);
    /** The jar's copy: 200 KiB, so that the comparison goes over more than one chunk. */
    static final byte[] LIBRARY = new byte[200 * 1024];

    static {
        for (int i = 0; i < LIBRARY.length; i++) {
            LIBRARY[i] = (byte) (i * 31 + i / 7);
        }
    }

    @TempDir
    Path data;
    final Properties properties = new Properties();
    int jarOpened;
    static boolean chattrUsed;
    /** The jar's copy and its recorded checksum; counts how often the copy itself is read. */
    final SqliteLibrary.Jar jar = new SqliteLibrary.Jar() {
        @Override
        public Optional<SqliteLibrary.Checksum> checksum(String resource) throws IOException {
            assertThat(resource).isEqualTo("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
            return Optional.of(SqliteLibrary.Checksum.of(new ByteArrayInputStream(LIBRARY)));
        }

        @Override
        public InputStream open(String resource) {
            jarOpened++;
            return new ByteArrayInputStream(LIBRARY);
        }
    };

    CapturedLog log;

    @BeforeEach
    void listen() {
        log = CapturedLog.of(SqliteLibrary.class);
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    private boolean prepare(SqliteNativeName name) {
        return new SqliteLibrary(name, jar, properties).prepare(data.resolve(SqliteLibrary.FOLDER));
    }

    private Path file() {
        return data.resolve("native/libsqlitejdbc.so");
    }

    private String logged() {
        return String.join("\n", log.messages());
    }

    private void assertDriverOnItsOwn() {
        assertThat(properties).doesNotContainKeys(SqliteLibrary.PATH_PROPERTY, SqliteLibrary.NAME_PROPERTY);
    }

    @Test
    void unpacksOnceOwnerOnlyAndNamesIt() throws IOException {
        assertThat(prepare(LINUX)).isTrue();
        assertThat(Files.readAllBytes(file())).isEqualTo(LIBRARY);
        assertThat(properties.getProperty(SqliteLibrary.PATH_PROPERTY)).isEqualTo(file().getParent().toString());
        assertThat(properties.getProperty(SqliteLibrary.NAME_PROPERTY)).isEqualTo("libsqlitejdbc.so");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(logged()).contains("Unpacked the SQLite library to " + file());

        // the next start finds it verified and writes nothing
        long modified = Files.getLastModifiedTime(file()).toMillis();
        Files.setLastModifiedTime(file(), FileTime.fromMillis(modified - 60_000));
        properties.clear();
        log.clear();
        jarOpened = 0;
        assertThat(prepare(LINUX)).isTrue();
        assertThat(Files.getLastModifiedTime(file()).toMillis()).isEqualTo(modified - 60_000);
        assertThat(jarOpened).isZero(); // checked against the jar's record, not read from it again
        assertThat(logged()).isEmpty();
        assertThat(properties.getProperty(SqliteLibrary.PATH_PROPERTY)).isEqualTo(file().getParent().toString());
        try (var left = Files.list(file().getParent())) {
            assertThat(left).containsExactly(file()); // no temporary file left behind
        }
    }

    @Test
    void aPartialOrChangedCopyIsReplaced() throws IOException {
        Files.createDirectories(file().getParent());
        for (byte[] bad : new byte[][] {Arrays.copyOf(LIBRARY, 100_000), Arrays.copyOf(LIBRARY, 64 * 1024),
                new byte[0], changedAt(150_000), Arrays.copyOf(LIBRARY, LIBRARY.length + 1)}) {
            Files.write(file(), bad);
            properties.clear();
            assertThat(prepare(LINUX)).isTrue();
            assertThat(Files.readAllBytes(file())).isEqualTo(LIBRARY);
            assertThat(properties).containsKeys(SqliteLibrary.PATH_PROPERTY, SqliteLibrary.NAME_PROPERTY);
        }
    }

    @Test
    void aLinkInItsPlaceIsReplacedNotFollowed() throws IOException {
        Path elsewhere = Files.write(data.resolve("elsewhere.so"), LIBRARY);
        Files.createDirectories(file().getParent());
        Files.createSymbolicLink(file(), elsewhere);
        assertThat(prepare(LINUX)).isTrue();
        assertThat(Files.isSymbolicLink(file())).isFalse();
        assertThat(Files.readAllBytes(file())).isEqualTo(LIBRARY);
    }

    @Test
    void aFolderThatCannotBeMadeLeavesTheDriverOnItsOwn() throws IOException {
        Files.writeString(data.resolve(SqliteLibrary.FOLDER), "a file in the way");
        assertThat(prepare(LINUX)).isFalse();
        assertDriverOnItsOwn();
        assertThat(logged()).contains("The SQLite driver looks for its library itself").contains("native");
    }

    @Test
    void aFolderOthersMayWriteToIsNotUsed() throws IOException {
        Files.createDirectories(file().getParent());
        Files.write(file(), LIBRARY);
        Files.setPosixFilePermissions(file().getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(prepare(LINUX)).isFalse();
        assertDriverOnItsOwn();
        assertThat(logged()).contains("other users may write to " + file().getParent());
    }

    @Test
    void aReadOnlyFolderFallsBackUnlessItsCopyIsVerified() throws Exception {
        Path folder = file().getParent();
        Files.createDirectories(folder);
        Files.write(file(), Arrays.copyOf(LIBRARY, 1000));
        readOnly(folder, true);
        try {
            assertThat(prepare(LINUX)).isFalse();
            assertDriverOnItsOwn();
            assertThat(logged()).contains("The SQLite driver looks for its library itself");
            assertThat(Files.readAllBytes(file())).hasSize(1000);

            readOnly(folder, false);
            Files.write(file(), LIBRARY);
            readOnly(folder, true);
            assertThat(prepare(LINUX)).isTrue(); // read, verified and used where nothing can be written
        } finally {
            readOnly(folder, false);
        }
    }

    /** Mode r-x, and for root (whom modes do not stop) the immutable attribute, where the file system has it. */
    private static void readOnly(Path folder, boolean on) throws Exception {
        if (!on && chattrUsed) {
            chattrUsed = !chattr("-i", folder).isEmpty();
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(on ? "r-x------" : "rwx------"));
        if (on && Files.isWritable(folder)) {
            String failed = chattr("+i", folder);
            chattrUsed = failed.isEmpty();
            assumeTrue(chattrUsed, () -> "root writes into read-only folders, and chattr +i failed: " + failed);
        }
    }

    /** Runs chattr; its output when it failed, else empty. */
    private static String chattr(String change, Path folder) throws Exception {
        Process p = new ProcessBuilder("chattr", change, folder.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return p.waitFor() == 0 ? "" : "exit " + p.exitValue() + " " + out;
    }

    @Test
    void aJarWithoutTheLibraryLeavesTheDriverOnItsOwn() {
        SqliteLibrary.Jar empty = new SqliteLibrary.Jar() {
            @Override
            public Optional<SqliteLibrary.Checksum> checksum(String resource) {
                return Optional.empty();
            }

            @Override
            public InputStream open(String resource) {
                throw new AssertionError("nothing to open");
            }
        };
        SqliteLibrary library = new SqliteLibrary(LINUX, empty, properties);
        assertThat(library.prepare(data.resolve(SqliteLibrary.FOLDER))).isFalse();
        assertDriverOnItsOwn();
        assertThat(logged()).contains("the jar has no org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
    }

    @Test
    void propertiesTheLauncherSetAreKept() {
        properties.setProperty(SqliteLibrary.PATH_PROPERTY, "/opt/traytalk/lib/app");
        properties.setProperty(SqliteLibrary.NAME_PROPERTY, "libsqlitejdbc.so");
        assertThat(prepare(LINUX)).isFalse();
        assertThat(properties.getProperty(SqliteLibrary.PATH_PROPERTY)).isEqualTo("/opt/traytalk/lib/app");
        assertThat(file()).doesNotExist();
        assertThat(jarOpened).isZero();
    }

    @Test
    void aPlatformOnlyTheDriverCanNameIsLeftToIt() {
        assertThat(prepare(SqliteNativeName.of("Linux", "riscv64", GLIBC_MAPS))).isFalse();
        assertDriverOnItsOwn();
        assertThat(file()).doesNotExist();
        assertThat(logged()).contains("riscv64");
    }

    @Test
    void namesGlibcLinuxOnX8664AndArm64Only() {
        assertThat(SqliteNativeName.of("Linux", "amd64", GLIBC_MAPS).resource())
                .isEqualTo("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
        assertThat(SqliteNativeName.of("Linux", "aarch64",
                "ffff-ffff r-xp 0 0:0 1 /usr/lib/aarch64-linux-gnu/libc.so.6\n").resource())
                .isEqualTo("org/sqlite/native/Linux/aarch64/libsqlitejdbc.so");
        // musl (Alpine), Android's bionic, nothing readable, other systems and architectures: the driver's own search
        assertThat(SqliteNativeName.of("Linux", "amd64", "7f00-7f01 r-xp 0 0:0 1 /lib/ld-musl-x86_64.so.1\n").named())
                .isFalse();
        assertThat(SqliteNativeName.of("Linux", "amd64", GLIBC_MAPS + "7f02-7f03 r-xp 0 0:0 2 /usr/lib/musl/x.so\n")
                .named()).isFalse();
        assertThat(SqliteNativeName.of("Linux", "aarch64", "7f00-7f01 r-xp 0 0:0 1 /system/lib64/libc.so\n").named())
                .isFalse();
        assertThat(SqliteNativeName.of("Linux", "amd64", "").named()).isFalse();
        assertThat(SqliteNativeName.of("Linux", "arm", GLIBC_MAPS).named()).isFalse();
        assertThat(SqliteNativeName.of("Windows 11", "amd64", "").whyNot()).contains("Windows 11");
        assertThat(SqliteNativeName.of("Mac OS X", "aarch64", "").named()).isFalse();
    }

    @Test
    void thisJvmIsNamedAsTheDriverNamesIt() throws IOException {
        // on the glibc x86-64 Linux this is built on, the name must be a resource the driver's jar really has
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "not Linux");
        SqliteNativeName here = SqliteNativeName.of(System.getProperty("os.name"), System.getProperty("os.arch"),
                Files.readString(maps));
        assumeTrue(here.named(), () -> "not a platform TrayTalk names: " + here.whyNot());
        try (var in = SqliteLibrary.class.getClassLoader().getResourceAsStream(here.resource())) {
            assertThat(in).as(here.resource()).isNotNull();
        }
        // and unpacked from the driver's real jar, the copy is verified against that jar's record of it
        Properties real = new Properties();
        SqliteLibrary.useFrom(data, real);
        assertThat(real.getProperty(SqliteLibrary.PATH_PROPERTY)).isEqualTo(data.resolve("native").toString());
        try (var in = SqliteLibrary.class.getClassLoader().getResourceAsStream(here.resource())) {
            assertThat(Files.readAllBytes(data.resolve("native/libsqlitejdbc.so"))).isEqualTo(in.readAllBytes());
        }
    }

    private static byte[] changedAt(int index) {
        byte[] copy = LIBRARY.clone();
        copy[index] ^= 1;
        return copy;
    }
}
