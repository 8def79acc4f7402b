package org.traytalk.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receive loop outlives anything a turn throws, and says when receiving stops and starts working again. */
class ReceiveGuardTest {
    private final CarrierLifecycle lifecycle = new CarrierLifecycle("test carrier");
    private final List<String> health = new ArrayList<>();
    private final ReceiveGuard guard = new ReceiveGuard("Test carrier", new ReceiveGuard.Health() {
        @Override
        public void failing(String why) {
            health.add("failing: " + why);
        }

        @Override
        public void working() {
            health.add("working");
        }
    }, lifecycle, Duration.ZERO, () -> 0L);

    /** Turns that play a script: "ok", an exception to throw, or "gone"; the carrier closes after the last. */
    private final class Script implements ReceiveGuard.Turn {
        private final Deque<Object> steps = new ArrayDeque<>();
        final List<String> taken = new ArrayList<>();
        boolean ended;

        Script(Object... steps) {
            this.steps.addAll(List.of(steps));
        }

        @Override
        public boolean receive() throws Exception {
            Object step = steps.poll();
            if (steps.isEmpty()) {
                lifecycle.close();
            }
            taken.add(step instanceof Throwable t ? t.getClass().getSimpleName() : String.valueOf(step));
            if (step instanceof Exception e) {
                throw e;
            }
            if (step instanceof Error e) {
                throw e;
            }
            return !"gone".equals(step);
        }

        @Override
        public void ended() {
            ended = true;
        }
    }

    @Test
    void anyThrowableCostsOneTurnOnly() throws Exception {
        lifecycle.start(() -> { });
        Script script = new Script("ok", new OutOfMemoryError("Java heap space"), new IllegalStateException("bug"),
                new StackOverflowError(), new IOException("ICMP"), "ok", "ok");
        guard.run(script);
        assertThat(script.taken).containsExactly("ok", "OutOfMemoryError", "IllegalStateException",
                "StackOverflowError", "IOException", "ok", "ok");
        assertThat(health).as("four failures in a row are not yet failing").isEmpty();
        assertThat(script.ended).isTrue();
    }

    @Test
    void turnsThatKeepFailingAreReportedOnceAndTheRecoveryToo() throws Exception {
        lifecycle.start(() -> { });
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < 3 * ReceiveGuard.FAILURES_BEFORE_FAILING; i++) {
            steps.add(new OutOfMemoryError("Java heap space"));
        }
        steps.add("ok");
        steps.add("ok");
        guard.run(new Script(steps.toArray()));
        assertThat(health).containsExactly(
                "failing: Test carrier cannot receive (java.lang.OutOfMemoryError: Java heap space)", "working");
    }

    @Test
    void aSourceGoneForGoodEndsTheLoopAsFailing() throws Exception {
        lifecycle.start(() -> { });
        Script script = new Script("ok", "gone", "never taken", "never taken");
        guard.run(script);
        assertThat(script.taken).containsExactly("ok", "gone");
        assertThat(health).singleElement().asString().contains("stopped receiving").contains("until TrayTalk restarts");
        assertThat(script.ended).isTrue();
    }

    @Test
    void whatHappensWhileClosingIsNoFailure() throws Exception {
        lifecycle.start(() -> { });
        Script script = new Script("ok", new IOException("Socket closed"));
        guard.run(script); // the carrier closed before the last turn threw, as close() does to a blocked receive
        assertThat(health).isEmpty();
        assertThat(script.ended).isTrue();
    }

    @Test
    void aFailingHealthListenerDoesNotEndTheLoopEither() throws Exception {
        lifecycle.start(() -> { });
        ReceiveGuard fragile = new ReceiveGuard("Test carrier", new ReceiveGuard.Health() {
            @Override
            public void failing(String why) {
                throw new OutOfMemoryError("no room for the report");
            }

            @Override
            public void working() {
                throw new IllegalStateException("listener bug");
            }
        }, lifecycle, Duration.ZERO, () -> 0L);
        List<Object> steps = new ArrayList<>();
        for (int i = 0; i < ReceiveGuard.FAILURES_BEFORE_FAILING + 2; i++) {
            steps.add(new IOException("down"));
        }
        steps.add("ok");
        steps.add("ok");
        Script script = new Script(steps.toArray());
        fragile.run(script);
        assertThat(script.taken).hasSize(steps.size()).endsWith("ok", "ok");
    }
}
