package org.traytalk.platform;

import java.io.IOException;

/** Windows: a value under HKCU\...\CurrentVersion\Run, the same one the installer's task writes. */
final class RunKeyAutostart implements Autostart {
    static final String RUN_KEY = "Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    static final String VALUE = "TrayTalk";

    private final WindowsRegistry registry;
    private final LaunchCommand command;

    RunKeyAutostart(WindowsRegistry registry, LaunchCommand command) {
        this.registry = registry;
        this.command = command;
    }

    @Override
    public void enable() throws IOException {
        registry.setString(RUN_KEY, VALUE, command.forWindows());
    }

    @Override
    public void disable() throws IOException {
        registry.deleteValue(RUN_KEY, VALUE);
    }

    @Override
    public boolean isEnabled() throws IOException {
        return registry.getString(RUN_KEY, VALUE).filter(v -> !v.isBlank()).isPresent();
    }

    @Override
    public String location() {
        return "HKEY_CURRENT_USER\\" + RUN_KEY + "\\" + VALUE;
    }
}
