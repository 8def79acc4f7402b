package org.traytalk.platform.idle;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.time.Duration;
import java.util.Optional;

/** CGEventSourceSecondsSinceLastEventType for any input event, as the HID system sees it. */
final class MacIdleTime implements IdleTime {
    private static final int HID_SYSTEM_STATE = 1; // kCGEventSourceStateHIDSystemState
    private static final int ANY_INPUT_EVENT = ~0; // kCGAnyInputEventType

    interface CoreGraphics extends Library {
        double CGEventSourceSecondsSinceLastEventType(int sourceStateId, int eventType);
    }

    private final CoreGraphics graphics = Native.load("CoreGraphics", CoreGraphics.class);

    @Override
    public Optional<Duration> sinceLastInput() {
        double seconds = graphics.CGEventSourceSecondsSinceLastEventType(HID_SYSTEM_STATE, ANY_INPUT_EVENT);
        return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
    }
}
