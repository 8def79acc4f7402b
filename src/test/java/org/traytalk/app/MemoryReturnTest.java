package org.traytalk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.traytalk.tray.model.ManualTimers;

class MemoryReturnTest {
    private final ManualTimers timers = new ManualTimers();
    private final List<String> steps = new ArrayList<>();
    private final MemoryReturn memory = new MemoryReturn(timers, () -> steps.add("collect"), () -> steps.add("trim"));

    @Test
    void collectsThenTrimsOnceAfterTheWindowClosed() {
        memory.windowClosed();
        timers.advance(MemoryReturn.COLLECT_AFTER.minusMillis(1));
        assertEquals(List.of(), steps);
        timers.advance(Duration.ofMillis(1));
        assertEquals(List.of("collect"), steps);
        timers.advance(MemoryReturn.TRIM_AFTER);
        assertEquals(List.of("collect", "trim"), steps);
        timers.advance(Duration.ofHours(1));
        assertEquals(List.of("collect", "trim"), steps, "nothing more while idle");
        assertEquals(0, timers.pending());
    }

    @Test
    void aWindowClosedAgainBeforeThenPutsItOff() {
        memory.windowClosed();
        timers.advance(Duration.ofSeconds(4));
        memory.windowClosed();
        timers.advance(Duration.ofSeconds(4));
        assertEquals(List.of(), steps);
        timers.advance(Duration.ofSeconds(2).plus(MemoryReturn.TRIM_AFTER));
        assertEquals(List.of("collect", "trim"), steps);
    }

    @Test
    void aCloseBetweenCollectionAndTrimStartsOver() {
        memory.windowClosed();
        timers.advance(MemoryReturn.COLLECT_AFTER);
        memory.windowClosed();
        timers.advance(MemoryReturn.COLLECT_AFTER.plus(MemoryReturn.TRIM_AFTER));
        assertEquals(List.of("collect", "collect", "trim"), steps);
    }
}
