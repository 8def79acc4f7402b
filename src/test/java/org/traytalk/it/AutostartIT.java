package org.traytalk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux "start at logon" switch for real: the packaged jar writes its XDG autostart entry into a home folder,
 * and the command in that entry really starts TrayTalk.
 */
class AutostartIT {
    @TempDir
    Path home;

    private String run(List<String> command) throws Exception {
        return run(command, home.resolve("traytalk").toString());
    }

    /** Runs {@code command} with this test's home folder as HOME, and TRAYTALK_HOME set to {@code traytalkHome}. */
    private String run(List<String> command, String traytalkHome) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.remove("XDG_CONFIG_HOME");
        env.remove("XDG_DATA_HOME");
        if (traytalkHome == null) {
            env.remove("TRAYTALK_HOME");
        } else {
            env.put("TRAYTALK_HOME", traytalkHome);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private List<String> traytalk(String... args) {
        List<String> cmd = new ArrayList<>(NodeProcess.java());
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void autostartEntryStartsTrayTalk() throws Exception {
        assertThat(run(traytalk("autostart", "status"))).contains("off");
        assertThat(run(traytalk("autostart", "on"))).contains("will start when you log on");
        Path entry = home.resolve(".config/autostart/traytalk.desktop");
        List<String> argv = new ArrayList<>(DesktopExec.ofEntry(entry));
        assertThat(argv).last().isEqualTo("--minimized");
        // through env, which execs the program with AWT's longer X poll timeout
        assertThat(argv.subList(0, 2)).containsExactly("env", "_AWT_MAX_POLL_TIMEOUT=10000");
        assertThat(Files.readAllLines(entry)).as("TryExec names the program").contains("TryExec=" + argv.get(2));
        assertThat(Path.of(argv.get(2))).isExecutable();
        // TRAYTALK_HOME may not be set in the logon session: the entry says which folder to use
        assertThat(String.join(" ", argv)).contains("--home " + home.resolve("traytalk"));
        argv.set(argv.size() - 1, "--version");
        assertThat(run(argv)).startsWith("TrayTalk ");
        assertThat(run(traytalk("autostart", "status"))).startsWith("on");
        run(traytalk("autostart", "off"));
        assertThat(entry).doesNotExist();
    }

    @Test
    void autostartSwitchedOnWithHomeStartsTrayTalkWithThatHome() throws Exception {
        Path other = home.resolve("other profile");
        assertThat(run(traytalk("--home", other.toString(), "autostart", "on"), null)).contains("will start when you log on");
        Path entry = home.resolve(".config/autostart/traytalk.desktop");
        List<String> argv = new ArrayList<>(DesktopExec.ofEntry(entry));
        assertThat(argv.subList(argv.size() - 3, argv.size())).containsExactly("--home", other.toString(), "--minimized");
        // what the entry starts uses that folder: its history command creates the database there
        argv.set(argv.size() - 1, "history");
        Files.deleteIfExists(other.resolve("history.db"));
        assertThat(run(argv, null)).contains("No messages");
        assertThat(other.resolve("history.db")).exists();
        run(traytalk("--home", other.toString(), "autostart", "off"), null);
        assertThat(entry).doesNotExist();
    }
}
