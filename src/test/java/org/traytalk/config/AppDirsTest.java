package org.traytalk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDirsTest {

    private static final Path HOME = Path.of("/home/alice");

    @Test
    void windowsKeepsDataLocalAndConfigRoaming() {
        String local = "C:\\Users\\alice\\AppData\\Local";
        String roaming = "C:\\Users\\alice\\AppData\\Roaming";
        AppDirs dirs = AppDirs.forPlatform("Windows 11", Map.of("LOCALAPPDATA", local, "APPDATA", roaming), HOME);

        assertThat(dirs.data()).isEqualTo(Path.of(local, "TrayTalk"));
        assertThat(dirs.config()).isEqualTo(Path.of(roaming, "TrayTalk"));
        assertThat(dirs.logs()).isEqualTo(Path.of(local, "TrayTalk", "logs"));
    }

    @Test
    void windowsWithoutEnvironmentFallsBackToTheProfile() {
        AppDirs dirs = AppDirs.forPlatform("Windows 10", Map.of(), HOME);

        assertThat(dirs.data()).isEqualTo(HOME.resolve("AppData/Local/TrayTalk"));
        assertThat(dirs.config()).isEqualTo(HOME.resolve("AppData/Roaming/TrayTalk"));
    }

    @Test
    void linuxDefaultsToXdgFolders() {
        AppDirs dirs = AppDirs.forPlatform("Linux", Map.of(), HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("/home/alice/.local/share/traytalk"));
        assertThat(dirs.config()).isEqualTo(Path.of("/home/alice/.config/traytalk"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/home/alice/.local/share/traytalk/logs"));
    }

    @Test
    void linuxHonoursXdgVariables() {
        AppDirs dirs = AppDirs.forPlatform("Linux",
                Map.of("XDG_DATA_HOME", "/data/a", "XDG_CONFIG_HOME", "/cfg/a"), HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("/data/a/traytalk"));
        assertThat(dirs.config()).isEqualTo(Path.of("/cfg/a/traytalk"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/data/a/traytalk/logs"));
    }

    @Test
    void linuxIgnoresRelativeOrBlankXdgVariables() {
        AppDirs dirs = AppDirs.forPlatform("Linux", Map.of("XDG_DATA_HOME", "rel/data", "XDG_CONFIG_HOME", " "), HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("/home/alice/.local/share/traytalk"));
        assertThat(dirs.config()).isEqualTo(Path.of("/home/alice/.config/traytalk"));
    }

    @Test
    void macUsesApplicationSupportForDataAndConfig() {
        AppDirs dirs = AppDirs.forPlatform("Mac OS X", Map.of("XDG_DATA_HOME", "/ignored"), HOME);

        Path support = Path.of("/home/alice/Library/Application Support/TrayTalk");
        assertThat(dirs.data()).isEqualTo(support);
        assertThat(dirs.config()).isEqualTo(support);
        assertThat(dirs.logs()).isEqualTo(support.resolve("logs"));
    }

    @Test
    void traytalkHomeOverridesEveryPlatform() {
        Map<String, String> env = Map.of(AppDirs.HOME_ENV, "/opt/tt", "LOCALAPPDATA", "C:\\x", "XDG_DATA_HOME", "/d");
        for (String os : new String[] {"Windows 11", "Linux", "Mac OS X"}) {
            AppDirs dirs = AppDirs.forPlatform(os, env, HOME);

            assertThat(dirs).as(os).isEqualTo(new AppDirs(Path.of("/opt/tt"), Path.of("/opt/tt"), Path.of("/opt/tt/logs")));
        }
    }

    @Test
    void underMakesAnExplicitFolderAbsolute() {
        AppDirs dirs = AppDirs.under(Path.of("rel/./home"));

        assertThat(dirs.data()).isAbsolute().isEqualTo(Path.of("rel/home").toAbsolutePath());
        assertThat(dirs.config()).isEqualTo(dirs.data());
        assertThat(dirs.logs()).isEqualTo(dirs.data().resolve("logs"));
    }

    @Test
    void ensureCreatedMakesPrivateFolders(@TempDir Path tmp) throws IOException {
        AppDirs dirs = AppDirs.forPlatform("Linux",
                Map.of("XDG_DATA_HOME", tmp.resolve("d").toString(), "XDG_CONFIG_HOME", tmp.resolve("c").toString()), HOME);

        dirs.ensureCreated();
        dirs.ensureCreated(); // a second run finds them and is fine

        assertThat(dirs.data()).isDirectory();
        assertThat(dirs.config()).isDirectory();
        assertThat(dirs.logs()).isDirectory();
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        for (Path dir : new Path[] {dirs.data(), dirs.config(), dirs.logs()}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).as(dir.toString())
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void ensureCreatedNamesTheFolderItCannotCreate(@TempDir Path tmp) throws IOException {
        Path blocker = Files.writeString(tmp.resolve("home"), "a file, not a folder");
        AppDirs dirs = AppDirs.under(blocker);

        assertThatThrownBy(dirs::ensureCreated).isInstanceOf(IOException.class)
                .hasMessageContaining(blocker.toString());
    }

    @Test
    void aHomeOthersMayWriteToIsRefusedWithTheFix(@TempDir Path tmp) throws IOException {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        for (String mode : new String[] {"rwxrwxrwx", "rwxrwx---", "rwx----w-"}) {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString(mode));
            assertThatThrownBy(() -> AppDirs.under(shared).ensureCreated()).as(mode).isInstanceOf(IOException.class)
                    .hasMessageContaining("will not use the folder " + shared)
                    .hasMessageContaining("other users may write to " + shared + " (mode " + mode + ")")
                    .hasMessageContaining("chmod go-w");
        }
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        AppDirs.under(shared).ensureCreated(); // readable by others is the user's choice; writable is not
        assertThat(shared.resolve("logs")).isDirectory();
    }

    @Test
    void aHomeAnotherUserOwnsIsRefused(@TempDir Path tmp) throws IOException {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a folder away");
        Path theirs = Files.createDirectory(tmp.resolve("theirs"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        UserPrincipal nobody = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(theirs, nobody);

        assertThatThrownBy(() -> AppDirs.under(theirs).ensureCreated()).isInstanceOf(IOException.class)
                .hasMessageContaining(theirs + " belongs to the user nobody, not to you (root)")
                .hasMessageContaining("--home or TRAYTALK_HOME");
        assertThat(theirs.resolve("logs")).doesNotExist();
    }
}
