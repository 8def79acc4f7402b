package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IconBlinkTest {
    private final ManualTimers time = new ManualTimers();
    private final List<IconState> drawn = new ArrayList<>();
    private IconBlink blink;

    {
        blink = new IconBlink(time, () -> drawn.add(blink.shown()));
    }

    @Test
    void offByDefaultTheUnreadIconJustStays() {
        blink.follow(IconState.UNREAD);
        time.advance(Duration.ofSeconds(10));
        assertThat(blink.shown()).isEqualTo(IconState.UNREAD);
        assertThat(drawn).isEmpty();
        assertThat(time.pending()).as("no timer while not blinking").isZero();
    }

    @Test
    void whileUnreadTheTwoIconsTakeTurns() {
        blink.setEnabled(true);
        blink.follow(IconState.UNREAD);
        assertThat(blink.shown()).isEqualTo(IconState.UNREAD);
        time.advance(IconBlink.HALF.multipliedBy(4));
        assertThat(drawn).containsExactly(IconState.NORMAL, IconState.UNREAD, IconState.NORMAL, IconState.UNREAD);
        assertThat(time.pending()).as("one timer at a time").isEqualTo(1);
    }

    @Test
    void readingStopsItAndTheRealStateShowsAtOnce() {
        blink.setEnabled(true);
        blink.follow(IconState.UNREAD);
        time.advance(IconBlink.HALF);
        assertThat(blink.shown()).isEqualTo(IconState.NORMAL);
        blink.follow(IconState.NORMAL);
        assertThat(blink.shown()).isEqualTo(IconState.NORMAL);
        time.advance(Duration.ofSeconds(10));
        assertThat(drawn).containsExactly(IconState.NORMAL);
        assertThat(time.pending()).isZero();
    }

    @Test
    void aProblemOrDoNotDisturbWinsOverBlinking() {
        blink.setEnabled(true);
        blink.follow(IconState.UNREAD);
        time.advance(IconBlink.HALF);
        blink.follow(IconState.ERROR);
        assertThat(blink.shown()).isEqualTo(IconState.ERROR);
        blink.follow(IconState.DND);
        time.advance(Duration.ofSeconds(10));
        assertThat(blink.shown()).isEqualTo(IconState.DND);
        assertThat(drawn).containsExactly(IconState.NORMAL);
    }

    @Test
    void switchedOffMidBlinkTheUnreadIconComesBack() {
        blink.setEnabled(true);
        blink.follow(IconState.UNREAD);
        time.advance(IconBlink.HALF);
        blink.setEnabled(false);
        assertThat(blink.shown()).isEqualTo(IconState.UNREAD);
        assertThat(time.pending()).isZero();
        blink.setEnabled(true);
        blink.setEnabled(true);
        assertThat(time.pending()).as("switched on twice, still one timer").isEqualTo(1);
    }
}
