package org.traytalk.platform;

import java.io.IOException;

/** "Start TrayTalk when I log on", the way this operating system does it. */
public interface Autostart {

    /** Registers TrayTalk to start, quietly in the tray, at the next logon. Idempotent. */
    void enable() throws IOException;

    /** Removes the registration. Idempotent. */
    void disable() throws IOException;

    boolean isEnabled() throws IOException;

    /** Where the registration lives, for messages: a file path or a registry value. */
    String location();
}
