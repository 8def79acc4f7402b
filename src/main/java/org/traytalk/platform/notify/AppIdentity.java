package org.traytalk.platform.notify;

import java.io.IOException;

/**
 * The identity Windows knows this process by (its AppUserModelID): the same as the Start menu shortcut's, the
 * taskbar groups TrayTalk's windows under that shortcut and its toasts carry TrayTalk's name and icon.
 */
public interface AppIdentity {

    /** Claims {@code appId} for this process; before any window shows, as Windows asks. */
    void claim(String appId) throws IOException;
}
