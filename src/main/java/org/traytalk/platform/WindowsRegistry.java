package org.traytalk.platform;

import java.io.IOException;
import java.util.Optional;

/** The few registry calls TrayTalk makes, all under HKEY_CURRENT_USER; JNA on Windows, a map in tests. */
public interface WindowsRegistry {

    Optional<String> getString(String key, String name) throws IOException;

    void setString(String key, String name, String value) throws IOException;

    /** Deletes the value; nothing happens when it is absent. */
    void deleteValue(String key, String name) throws IOException;
}
