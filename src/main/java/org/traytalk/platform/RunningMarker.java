package org.traytalk.platform;

import java.util.Locale;
import java.util.function.Function;

/**
 * A sign to installers that TrayTalk is running. On Windows a named mutex that Inno Setup's {@code AppMutex} checks
 * before replacing files; elsewhere nothing is needed (packages do not ask).
 */
public interface RunningMarker extends AutoCloseable {
    /** The name installers look for. */
    String MUTEX_NAME = "TrayTalkRunning";

    @Override
    void close();

    static RunningMarker forThisMachine() {
        return forPlatform(System.getProperty("os.name", ""), Win32Mutex::create);
    }

    static RunningMarker forPlatform(String osName, Function<String, RunningMarker> windowsMutex) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return windowsMutex.apply(MUTEX_NAME);
        }
        return () -> { };
    }
}
