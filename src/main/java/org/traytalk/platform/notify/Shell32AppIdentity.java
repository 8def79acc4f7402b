package org.traytalk.platform.notify;

import com.sun.jna.WString;
import com.sun.jna.platform.win32.COM.COMUtils;
import com.sun.jna.platform.win32.Shell32;
import com.sun.jna.platform.win32.WinNT.HRESULT;
import java.io.IOException;

/** SetCurrentProcessExplicitAppUserModelID through JNA (Windows 7 and later). */
final class Shell32AppIdentity implements AppIdentity {

    @Override
    public void claim(String appId) throws IOException {
        HRESULT result;
        try {
            result = Shell32.INSTANCE.SetCurrentProcessExplicitAppUserModelID(new WString(appId));
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("shell32 cannot be called: " + e.getMessage(), e);
        }
        if (COMUtils.FAILED(result)) {
            throw new IOException("SetCurrentProcessExplicitAppUserModelID(" + appId + ") failed: HRESULT 0x"
                    + Integer.toHexString(result.intValue()));
        }
    }
}
