package org.traytalk.platform.idle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The X screen saver extension's idle time on a real (virtual) X server: it grows, input resets it, and looking
 * needs no JNA cleaner thread.
 */
class X11IdleTimeIT {
    private Process xvfb;

    @AfterEach
    void stop() {
        if (xvfb != null) {
            xvfb.destroyForcibly();
        }
    }

    @Test
    void idleTimeGrowsUntilTheMouseMoves() throws Exception {
        assumeTrue(Path.of("/usr/bin/Xvfb").toFile().canExecute() && Path.of("/usr/bin/xdotool").toFile().canExecute(),
                "Skipping: Xvfb and xdotool are needed");
        // -noreset: the looks' connection is the server's only client, and closing it would reset Xvfb (and its
        // idle time) here; on a desktop other clients are always connected
        xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "640x480x24", "-nolisten", "tcp",
                "-noreset")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))
                .readLine().strip();
        X11IdleTime idle = X11IdleTime.open(display);

        await().atMost(Duration.ofSeconds(10)).until(() -> idle.sinceLastInput().orElseThrow()
                .compareTo(Duration.ofMillis(1500)) >= 0);
        ProcessBuilder move = new ProcessBuilder("xdotool", "mousemove", "100", "100").redirectErrorStream(true);
        move.environment().put("DISPLAY", display);
        assertThat(move.start().waitFor()).isZero();

        assertThat(idle.sinceLastInput()).get().satisfies(d -> assertThat(d).isLessThan(Duration.ofMillis(1500)));
        idle.release();
        assertThat(idle.sinceLastInput()).isPresent(); // connected anew
        idle.release();
        // no JNA Memory, String argument or NativeLibrary was left to clean (nor NativeLibrary's ldconfig child)
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("JNA Cleaner");
    }
}
