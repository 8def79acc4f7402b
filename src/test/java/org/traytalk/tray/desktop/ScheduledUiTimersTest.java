package org.traytalk.tray.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.traytalk.tray.model.TrayTimers;

class ScheduledUiTimersTest {
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    /** The UI thread's queue: what the scheduler handed over, run when the test says. */
    private final ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
    private final ScheduledUiTimers timers = new ScheduledUiTimers(clock, ui::add);
    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void stopClock() {
        clock.shutdownNow();
    }

    @Test
    void aTaskDueIsHandedToTheUiThreadAndRunsThereOnce() {
        timers.after(Duration.ZERO, () -> ran.add("task"));
        await().until(() -> !ui.isEmpty());
        assertThat(ran).isEmpty(); // not on the scheduler
        Runnable handedOver = ui.poll();
        handedOver.run();
        handedOver.run();
        assertThat(ran).containsExactly("task");
    }

    @Test
    void aTaskCancelledBeforeItsTimeIsNeverHandedOver() throws Exception {
        TrayTimers.Pending pending = timers.after(Duration.ofMillis(50), () -> ran.add("cancelled"));
        pending.cancel();
        timers.after(Duration.ofMillis(100), () -> ran.add("later"));
        await().until(() -> !ui.isEmpty()); // the later one came: the first one's time has passed
        clock.shutdown();
        assertThat(clock.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ui).hasSize(1);
        runUi();
        assertThat(ran).containsExactly("later");
    }

    @Test
    void aTaskCancelledAfterItWasHandedOverDoesNotRun() {
        TrayTimers.Pending pending = timers.after(Duration.ZERO, () -> ran.add("cancelled"));
        await().until(() -> !ui.isEmpty());
        pending.cancel();
        runUi();
        assertThat(ran).isEmpty();
    }

    @Test
    void afterTheSchedulerStoppedTimersAreQuietlyPendingForever() {
        clock.shutdown();
        TrayTimers.Pending pending = timers.after(Duration.ZERO, () -> ran.add("too late"));
        pending.cancel();
        assertThat(ui).isEmpty();
        assertThat(ran).isEmpty();
    }

    private void runUi() {
        Runnable r;
        while ((r = ui.poll()) != null) {
            r.run();
        }
    }
}
