package org.traytalk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.traytalk.concurrent.DaemonThreads;

class SettingsWatcherTest {

    @TempDir
    Path dir;
    private SettingsFile file;
    private SettingsWatcher watcher;
    private final ScheduledThreadPoolExecutor housekeeping =
            new ScheduledThreadPoolExecutor(1, new DaemonThreads("test-housekeeping"));
    private final BlockingQueue<LoadedSettings> heard = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> threads = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws IOException {
        file = new SettingsFile(dir.resolve(SettingsFile.FILE_NAME), "DESK7");
        file.loadOrCreate();
        watcher = new SettingsWatcher(file, housekeeping, Duration.ofMillis(50), Duration.ofMillis(100));
        watcher.subscribe(loaded -> {
            threads.add(Thread.currentThread().getName() + "/daemon=" + Thread.currentThread().isDaemon());
            heard.add(loaded);
        });
        watcher.start();
    }

    @AfterEach
    void tearDown() {
        watcher.close();
        housekeeping.shutdownNow();
    }

    @Test
    void anEditorsChangeReachesListeners() throws Exception {
        List<String> lines = Files.readAllLines(file.path(), StandardCharsets.UTF_8);
        lines.add("udp.port = 40123");
        Files.write(file.path(), lines, StandardCharsets.UTF_8); // in place, as most editors do

        LoadedSettings loaded = heard.poll(10, TimeUnit.SECONDS);

        assertThat(loaded).isNotNull();
        assertThat(loaded.settings().udpPort()).isEqualTo(40123);
        assertThat(threads.poll()).as("the housekeeping thread it was given").isEqualTo("test-housekeeping/daemon=true");
    }

    @Test
    void anEditThatKeepsTheModificationTimeIsSeen() throws Exception {
        FileTime stamp = Files.getLastModifiedTime(file.path());
        List<String> lines = Files.readAllLines(file.path(), StandardCharsets.UTF_8);
        lines.add("udp.port = 40124");
        Files.write(file.path(), lines, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file.path(), stamp); // Commons Configuration's detector misses this one

        LoadedSettings loaded = heard.poll(10, TimeUnit.SECONDS);

        assertThat(loaded).isNotNull();
        assertThat(loaded.settings().udpPort()).isEqualTo(40124);
    }

    @Test
    void setReachesListenersAndABadEditComesWithAWarning() throws Exception {
        file.set("group", "team");
        LoadedSettings first = heard.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.settings().group()).isEqualTo("TEAM");

        file.set("group", "other");
        Files.writeString(file.path(), "presence.heartbeat.seconds = 1\n", StandardCharsets.UTF_8);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            LoadedSettings latest = heard.poll(100, TimeUnit.MILLISECONDS);
            assertThat(latest).isNotNull();
            assertThat(latest.warnings()).anySatisfy(w -> assertThat(w).contains("presence.heartbeat.seconds"));
            assertThat(latest.settings().group()).isEqualTo(Settings.DEFAULT_GROUP);
        });
    }

    @Test
    void rewritingTheSameSettingsIsNotAChange() throws Exception {
        file.set("udp.port", "40000");
        assertThat(heard.poll(10, TimeUnit.SECONDS)).isNotNull();

        int reloads = watcher.reloads();
        file.set("udp.port", "40000");    // same settings, new file
        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.reloads() > reloads);
        assertThat(heard).isEmpty();

        file.set("udp.port", "40001");    // a real change afterwards

        LoadedSettings next = heard.poll(10, TimeUnit.SECONDS);
        assertThat(next).isNotNull();
        assertThat(next.settings().udpPort()).isEqualTo(40001);
    }

    @Test
    void aWriteThroughTheSettingsFileIsReadAtOnceWithoutWaitingForALook() throws Exception {
        watcher.close();
        heard.clear();
        try (SettingsWatcher slow = new SettingsWatcher(file, housekeeping, Duration.ofMillis(50), Duration.ofHours(1))) {
            slow.subscribe(heard::add);
            slow.start();

            file.set("udp.port", "40321");

            LoadedSettings loaded = heard.poll(10, TimeUnit.SECONDS);
            assertThat(loaded).as("heard long before the first look, an hour away").isNotNull();
            assertThat(loaded.settings().udpPort()).isEqualTo(40321);
        }
    }

    @Test
    void closeStopsTheLooking() {
        housekeeping.setRemoveOnCancelPolicy(true);
        assertThat(housekeeping.getQueue()).hasSize(1);

        watcher.close();

        assertThat(housekeeping.getQueue()).as("no more looks scheduled").isEmpty();
        assertThat(housekeeping.isShutdown()).as("the shared thread is not the watcher's to stop").isFalse();
    }
}
