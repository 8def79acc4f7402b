package org.traytalk.platform;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinReg;
import java.io.IOException;
import java.util.Optional;

/** HKEY_CURRENT_USER through jna-platform's Advapi32Util. Loaded only on Windows. */
final class JnaWindowsRegistry implements WindowsRegistry {

    @Override
    public Optional<String> getString(String key, String name) throws IOException {
        try {
            if (!Advapi32Util.registryValueExists(WinReg.HKEY_CURRENT_USER, key, name)) {
                return Optional.empty();
            }
            return Optional.of(Advapi32Util.registryGetStringValue(WinReg.HKEY_CURRENT_USER, key, name));
        } catch (Win32Exception e) {
            throw new IOException("Could not read HKCU\\" + key + "\\" + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setString(String key, String name, String value) throws IOException {
        try {
            if (!Advapi32Util.registryKeyExists(WinReg.HKEY_CURRENT_USER, key)) {
                Advapi32Util.registryCreateKey(WinReg.HKEY_CURRENT_USER, key);
            }
            Advapi32Util.registrySetStringValue(WinReg.HKEY_CURRENT_USER, key, name, value);
        } catch (Win32Exception e) {
            throw new IOException("Could not write HKCU\\" + key + "\\" + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteValue(String key, String name) throws IOException {
        try {
            if (Advapi32Util.registryValueExists(WinReg.HKEY_CURRENT_USER, key, name)) {
                Advapi32Util.registryDeleteValue(WinReg.HKEY_CURRENT_USER, key, name);
            }
        } catch (Win32Exception e) {
            throw new IOException("Could not delete HKCU\\" + key + "\\" + name + ": " + e.getMessage(), e);
        }
    }
}
