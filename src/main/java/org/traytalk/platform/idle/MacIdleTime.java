package org.traytalk.platform.idle;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** CGEventSourceSecondsSinceLastEventType for any input event, as the HID system sees it. */
final class MacIdleTime implements IdleTime {
    static final int HID_SYSTEM_STATE = 1; // kCGEventSourceStateHIDSystemState
    static final int ANY_INPUT_EVENT = ~0; // kCGAnyInputEventType

    /** The CoreGraphics call it needs: JNA's binding on macOS, a fake in tests. */
    interface CoreGraphics extends Library {
        double CGEventSourceSecondsSinceLastEventType(int sourceStateId, int eventType);
    }

    private final CoreGraphics graphics;

    MacIdleTime() {
        this(Native.load("CoreGraphics", CoreGraphics.class));
    }

    MacIdleTime(CoreGraphics graphics) {
        this.graphics = Objects.requireNonNull(graphics);
    }

    @Override
    public Optional<Duration> sinceLastInput() {
        double seconds = graphics.CGEventSourceSecondsSinceLastEventType(HID_SYSTEM_STATE, ANY_INPUT_EVENT);
        // negative or not a number: the HID system did not tell (no session on the console)
        return seconds >= 0 ? Optional.of(Duration.ofMillis((long) (seconds * 1000))) : Optional.empty();
    }
}
