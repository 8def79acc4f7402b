package org.traytalk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutostartTest {
    @TempDir
    Path home;

    static final LaunchCommand COMMAND = new LaunchCommand(List.of("/opt/Tray Talk/bin/java", "-jar",
            "/opt/Tray Talk/lib/traytalk.jar", "--minimized"));

    /** HKCU in a map: key -> (name -> value). */
    static final class FakeRegistry implements WindowsRegistry {
        final Map<String, Map<String, String>> keys = new HashMap<>();

        @Override
        public Optional<String> getString(String key, String name) {
            return Optional.ofNullable(keys.getOrDefault(key, Map.of()).get(name));
        }

        @Override
        public void setString(String key, String name, String value) {
            keys.computeIfAbsent(key, k -> new HashMap<>()).put(name, value);
        }

        @Override
        public void deleteValue(String key, String name) {
            keys.getOrDefault(key, new HashMap<>()).remove(name);
        }
    }

    @Test
    void linuxWritesAnXdgAutostartEntryAndRemovesIt() throws IOException {
        Path config = home.resolve("cfg");
        Autostart a = Autostarts.forPlatform("Linux", Map.of("XDG_CONFIG_HOME", config.toString()), home, COMMAND,
                () -> { throw new AssertionError("no registry on Linux"); });
        Path file = config.resolve("autostart/traytalk.desktop");
        assertThat(a.location()).isEqualTo(file.toString());
        assertThat(a.isEnabled()).isFalse();
        a.enable();
        assertThat(a.isEnabled()).isTrue();
        assertThat(Files.readAllLines(file)).contains("[Desktop Entry]", "Type=Application",
                "TryExec=/opt/Tray Talk/bin/java",
                "Exec=env _AWT_MAX_POLL_TIMEOUT=10000 \"/opt/Tray Talk/bin/java\" -jar \"/opt/Tray Talk/lib/traytalk.jar\""
                        + " --minimized",
                "X-GNOME-Autostart-enabled=true");
        a.enable(); // idempotent
        a.disable();
        assertThat(file).doesNotExist();
        assertThat(a.isEnabled()).isFalse();
        a.disable();
    }

    @Test
    void linuxEntrySwitchedOffInTheDesktopCountsAsOff() throws IOException {
        Autostart a = Autostarts.forPlatform("Linux", Map.of(), home, COMMAND, () -> null);
        a.enable();
        Path file = home.resolve(".config/autostart/traytalk.desktop");
        Files.writeString(file, Files.readString(file).replace("X-GNOME-Autostart-enabled=true",
                "X-GNOME-Autostart-enabled=false"));
        assertThat(a.isEnabled()).isFalse();
    }

    @Test
    void relativeXdgConfigHomeIsIgnored() {
        Autostart a = Autostarts.forPlatform("Linux", Map.of("XDG_CONFIG_HOME", "rel/dir"), home, COMMAND, () -> null);
        assertThat(a.location()).isEqualTo(home.resolve(".config/autostart/traytalk.desktop").toString());
    }

    @Test
    void macWritesALaunchAgent() throws IOException {
        LaunchCommand odd = new LaunchCommand(List.of("/Applications/TrayTalk.app/Contents/MacOS/TrayTalk", "<&>", "--minimized"));
        Autostart a = Autostarts.forPlatform("Mac OS X", Map.of(), home, odd, () -> null);
        a.enable();
        Path plist = home.resolve("Library/LaunchAgents/org.traytalk.TrayTalk.plist");
        String text = Files.readString(plist);
        assertThat(text).contains("<key>RunAtLoad</key>\n  <true/>")
                .contains("<string>/Applications/TrayTalk.app/Contents/MacOS/TrayTalk</string>")
                .contains("<string>&lt;&amp;&gt;</string>").contains("<string>--minimized</string>");
        assertThat(a.isEnabled()).isTrue();
        a.disable();
        assertThat(plist).doesNotExist();
    }

    @Test
    void windowsWritesTheRunValueTheInstallerUses() throws IOException {
        FakeRegistry registry = new FakeRegistry();
        LaunchCommand exe = new LaunchCommand(List.of("C:\\Program Files\\TrayTalk\\TrayTalk.exe", "--minimized"));
        Autostart a = Autostarts.forPlatform("Windows 11", Map.of(), home, exe, () -> registry);
        assertThat(a.isEnabled()).isFalse();
        a.enable();
        assertThat(registry.keys.get("Software\\Microsoft\\Windows\\CurrentVersion\\Run"))
                .containsEntry("TrayTalk", "\"C:\\Program Files\\TrayTalk\\TrayTalk.exe\" --minimized");
        assertThat(a.isEnabled()).isTrue();
        assertThat(a.location()).isEqualTo("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\TrayTalk");
        a.disable();
        assertThat(a.isEnabled()).isFalse();
    }

    @Test
    void theDebianMenuEntryStartsTheLauncherWithTheSameEnvironmentAsTheLogonEntry() throws IOException {
        // jpackage puts the launcher's path in place of APPLICATION_LAUNCHER
        assertThat(Files.readAllLines(Path.of("installer/deb/traytalk.desktop")))
                .contains("Exec=" + XdgAutostart.X11_ENVIRONMENT + " APPLICATION_LAUNCHER");
    }

    @Test
    void desktopEntryQuotingEscapesWhatTheSpecReserves() {
        LaunchCommand c = new LaunchCommand(List.of("/a b/java", "-Dx=$HOME", "back\\slash", "100%", "plain"));
        assertThat(c.forDesktopEntry())
                .isEqualTo("\"/a b/java\" \"-Dx=\\\\$HOME\" \"back\\\\\\\\slash\" 100%% plain");
    }

    @Test
    void tryExecNamesTheProgramSoAnUninstalledTrayTalkIsSkippedAtLogon() throws IOException {
        LaunchCommand odd = new LaunchCommand(List.of("/opt/odd\\dir/traytalk", "--minimized"));
        Autostart a = Autostarts.forPlatform("Linux", Map.of(), home, odd, () -> null);
        a.enable();
        // TryExec is a string value: a backslash is written as two
        assertThat(Files.readAllLines(home.resolve(".config/autostart/traytalk.desktop")))
                .contains("TryExec=/opt/odd\\\\dir/traytalk");
        assertThat(odd.program()).isEqualTo("/opt/odd\\dir/traytalk");
    }

    @Test
    void optionsGoBetweenTheProgramAndMinimized() {
        LaunchCommand c = LaunchCommand.ofThisProcess(List.of("--home", "/srv/tray talk"));
        List<String> argv = c.argv();
        assertThat(argv.subList(argv.size() - 3, argv.size())).containsExactly("--home", "/srv/tray talk", "--minimized");
        assertThat(c.program()).isEqualTo(LaunchCommand.ofThisProcess().program());
        assertThat(LaunchCommand.ofThisProcess().argv()).doesNotContain("--home");
    }

    @Test
    void launchCommandOfThisProcessEndsWithMinimized() {
        LaunchCommand c = LaunchCommand.ofThisProcess();
        assertThat(c.argv()).last().isEqualTo(LaunchCommand.MINIMIZED);
        assertThat(Path.of(c.argv().get(0))).exists();
    }

    @Test
    void aStartAtLogonFromJavaGetsTheLaunchersJvmOptions() {
        assertThat(LaunchCommand.javaOptions()).as("the pom's traytalk.jvm.options, filtered into the jar")
                .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1").noneMatch(o -> o.contains("${"));
        List<String> argv = LaunchCommand.ofThisProcess().argv();
        assertThat(argv.subList(1, 1 + LaunchCommand.javaOptions().size())).as("right after java, before the jar")
                .isEqualTo(LaunchCommand.javaOptions());
    }

    @Test
    void theWindowsConsoleLauncherRegistersItsTrayTwinForLogon() {
        assertThat(LaunchCommand.trayLauncher("C:\\Program Files\\TrayTalk\\traytalkc.exe"))
                .isEqualTo("C:\\Program Files\\TrayTalk\\TrayTalk.exe");
        assertThat(LaunchCommand.trayLauncher("C:\\Apps\\TrayTalk\\TrayTalk.exe"))
                .isEqualTo("C:\\Apps\\TrayTalk\\TrayTalk.exe");
        assertThat(LaunchCommand.trayLauncher("TRAYTALKC.EXE")).isEqualTo("TrayTalk.exe");
        assertThat(
                new LaunchCommand(List.of("C:\\Program Files\\TrayTalk\\TrayTalk.exe", "--minimized")).forWindows())
                .as("exactly the value the installer writes")
                .isEqualTo("\"C:\\Program Files\\TrayTalk\\TrayTalk.exe\" --minimized");
    }

    @Test
    void theSetupWritesAndRemovesTheSameRunValueAsTheApp() throws Exception {
        String iss = Files.readString(Path.of("installer", "traytalk.iss"));
        assertThat(iss).contains("#define RunKey \"" + RunKeyAutostart.RUN_KEY + "\"")
                .contains("#define RunValue \"" + RunKeyAutostart.VALUE + "\"")
                .contains("RegDeleteValue(HKCU, '{#RunKey}', '{#RunValue}')");
    }
}
