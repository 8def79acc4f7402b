package org.traytalk.platform.idle;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinUser;
import java.time.Duration;
import java.util.Optional;

/** GetLastInputInfo: the tick count of the last input event in this session. */
final class WindowsIdleTime implements IdleTime {

    @Override
    public Optional<Duration> sinceLastInput() {
        WinUser.LASTINPUTINFO info = new WinUser.LASTINPUTINFO();
        if (!User32.INSTANCE.GetLastInputInfo(info)) {
            return Optional.empty();
        }
        // both are 32-bit millisecond tick counts that wrap after 49.7 days: the unsigned difference is right
        long idle = Integer.toUnsignedLong(Kernel32.INSTANCE.GetTickCount() - info.dwTime);
        return Optional.of(Duration.ofMillis(idle));
    }
}
