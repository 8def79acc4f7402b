package org.traytalk.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void startedThreadsAreNamedDaemons() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread t = DaemonThreads.start("traytalk-test-worker", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(t.getName()).isEqualTo("traytalk-test-worker");
        assertThat(t.isDaemon()).isTrue();
        assertThat(t.isAlive()).isTrue();
        assertThat(DaemonThreads.join(t, Duration.ofMillis(50))).as("still waiting for the latch").isFalse();
        release.countDown();
        assertThat(DaemonThreads.join(t, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void executorsGetNamedDaemonThreads() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(new DaemonThreads("traytalk-test-pool"));
        try {
            Future<Thread> worker = executor.submit(Thread::currentThread);
            assertThat(worker.get().getName()).isEqualTo("traytalk-test-pool");
            assertThat(worker.get().isDaemon()).isTrue();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aThreadDoesNotWaitForItself() {
        assertThat(DaemonThreads.join(Thread.currentThread(), Duration.ofSeconds(10))).isFalse();
    }

    @Test
    void anOccasionalThreadEndsWhenIdleAndComesBackForTheNextTask() throws Exception {
        ExecutorService occasional = DaemonThreads.whileBusy("test-occasional", Duration.ofMillis(50));
        try {
            assertThat(occasional.submit(() -> Thread.currentThread().getName()).get()).isEqualTo("test-occasional");
            await().atMost(Duration.ofSeconds(10)).until(() -> !running("test-occasional"));
            assertThat(occasional.submit(() -> Thread.currentThread().isDaemon()).get()).isTrue();
        } finally {
            occasional.shutdownNow();
        }
    }

    private static boolean running(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
