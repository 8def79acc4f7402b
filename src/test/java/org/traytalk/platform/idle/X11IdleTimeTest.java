package org.traytalk.platform.idle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The display connection's life: opened by a look, kept for the next ones, closed by release or a failed look. */
class X11IdleTimeTest {

    /** Connections as a fake: what was connected and closed, in order, and what the next query answers. */
    static final class FakeXlib implements Xlib {
        final List<String> calls = new ArrayList<>();
        OptionalLong idle = OptionalLong.of(0);
        RuntimeException queryFails;
        int connected;

        @Override
        public Connection connect(String displayName) {
            int n = ++connected;
            calls.add("connect " + displayName + " #" + n);
            return new Connection() {
                @Override
                public OptionalLong idleMillis() {
                    calls.add("query #" + n);
                    if (queryFails != null) {
                        throw queryFails;
                    }
                    return idle;
                }

                @Override
                public void close() {
                    calls.add("close #" + n);
                }
            };
        }
    }

    @Test
    void looksShareOneConnectionUntilReleased() {
        FakeXlib xlib = new FakeXlib();
        X11IdleTime idle = new X11IdleTime(xlib, ":5");
        xlib.idle = OptionalLong.of(61_000);
        assertThat(idle.sinceLastInput()).contains(Duration.ofSeconds(61));
        xlib.idle = OptionalLong.of(66_000);
        assertThat(idle.sinceLastInput()).contains(Duration.ofSeconds(66));
        assertThat(xlib.calls).containsExactly("connect :5 #1", "query #1", "query #1");

        idle.release();
        idle.release(); // nothing open: nothing more to close
        assertThat(xlib.calls).containsExactly("connect :5 #1", "query #1", "query #1", "close #1");

        assertThat(idle.sinceLastInput()).contains(Duration.ofSeconds(66));
        assertThat(xlib.calls).endsWith("close #1", "connect :5 #2", "query #2");
    }

    @Test
    void aServerWithoutTheExtensionTellsNothingAndKeepsTheConnection() {
        FakeXlib xlib = new FakeXlib();
        xlib.idle = OptionalLong.empty();
        X11IdleTime idle = new X11IdleTime(xlib, null);
        assertThat(idle.sinceLastInput()).isEmpty();
        assertThat(xlib.calls).containsExactly("connect null #1", "query #1");
    }

    @Test
    void aFailedLookClosesTheConnectionAndTheNextLookConnectsAnew() {
        FakeXlib xlib = new FakeXlib();
        X11IdleTime idle = new X11IdleTime(xlib, ":5");
        xlib.queryFails = new IllegalStateException("display gone");
        assertThat(idle.sinceLastInput()).isEmpty();
        assertThat(xlib.calls).containsExactly("connect :5 #1", "query #1", "close #1");

        xlib.queryFails = null;
        xlib.idle = OptionalLong.of(5);
        assertThat(idle.sinceLastInput()).contains(Duration.ofMillis(5));
        assertThat(xlib.calls).endsWith("connect :5 #2", "query #2");
    }

    @Test
    void noDisplayTellsNothingAndHoldsNothing() {
        List<String> tries = new ArrayList<>();
        X11IdleTime idle = new X11IdleTime(displayName -> {
            tries.add(displayName);
            throw new IllegalStateException("no X display");
        }, ":9");
        assertThat(idle.sinceLastInput()).isEmpty();
        assertThat(idle.sinceLastInput()).isEmpty();
        idle.release();
        assertThat(tries).containsExactly(":9", ":9");
    }
}
