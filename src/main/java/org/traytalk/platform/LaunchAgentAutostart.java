package org.traytalk.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** macOS: a LaunchAgent property list that runs TrayTalk at load (logon). */
final class LaunchAgentAutostart implements Autostart {
    static final String LABEL = "org.traytalk.TrayTalk";

    private final Path file;
    private final LaunchCommand command;

    LaunchAgentAutostart(Path userHome, LaunchCommand command) {
        this.file = userHome.resolve("Library").resolve("LaunchAgents").resolve(LABEL + ".plist");
        this.command = command;
    }

    @Override
    public void enable() throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder args = new StringBuilder();
        for (String arg : command.argv()) {
            args.append("    <string>").append(xml(arg)).append("</string>\n");
        }
        String plist = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n<dict>\n"
                + "  <key>Label</key>\n  <string>" + LABEL + "</string>\n"
                + "  <key>ProgramArguments</key>\n  <array>\n" + args + "  </array>\n"
                + "  <key>RunAtLoad</key>\n  <true/>\n"
                + "  <key>ProcessType</key>\n  <string>Interactive</string>\n"
                + "</dict>\n</plist>\n";
        Files.writeString(file, plist, StandardCharsets.UTF_8);
    }

    @Override
    public void disable() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public boolean isEnabled() {
        return Files.isRegularFile(file);
    }

    @Override
    public String location() {
        return file.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
