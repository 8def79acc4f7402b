package org.traytalk.platform.idle;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinUser;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** GetLastInputInfo: the tick count of the last input event in this session, against GetTickCount. */
final class WindowsIdleTime implements IdleTime {

    /** The two Win32 calls it needs: JNA's User32 and Kernel32 on Windows, a fake in tests. */
    interface Ticks {
        /** GetLastInputInfo's dwTime; empty when the call failed. */
        OptionalInt lastInput();

        /** GetTickCount. */
        int now();
    }

    private final Ticks ticks;

    WindowsIdleTime() {
        this(new Win32Ticks());
    }

    WindowsIdleTime(Ticks ticks) {
        this.ticks = Objects.requireNonNull(ticks);
    }

    @Override
    public Optional<Duration> sinceLastInput() {
        OptionalInt last = ticks.lastInput(); // first: a tick count read before it could be older than the input
        if (last.isEmpty()) {
            return Optional.empty();
        }
        // both are 32-bit millisecond tick counts that wrap after 49.7 days: the unsigned difference is right
        return Optional.of(Duration.ofMillis(Integer.toUnsignedLong(ticks.now() - last.getAsInt())));
    }

    /** The real calls, through JNA (loaded at the first look). */
    private static final class Win32Ticks implements Ticks {
        @Override
        public OptionalInt lastInput() {
            WinUser.LASTINPUTINFO info = new WinUser.LASTINPUTINFO();
            return User32.INSTANCE.GetLastInputInfo(info) ? OptionalInt.of(info.dwTime) : OptionalInt.empty();
        }

        @Override
        public int now() {
            return Kernel32.INSTANCE.GetTickCount();
        }
    }
}
