package org.traytalk.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a desktop entry's Exec value back as a desktop environment does: string escapes, then quoting, then %%. The
 * command a menu entry or an autostart entry runs, for tests and benchmarks that start TrayTalk that way.
 */
public final class DesktopExec {
    private DesktopExec() {
    }

    /** The command of the entry's Exec line. */
    public static List<String> ofEntry(Path entry) throws IOException {
        String exec = Files.readAllLines(entry, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("Exec="))
                .findFirst().orElseThrow(() -> new IOException(entry + " has no Exec line"));
        return parse(exec.substring("Exec=".length()));
    }

    public static List<String> parse(String value) {
        String unescaped = value.replace("\\\\", "\\");
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < unescaped.length(); i++) {
            char c = unescaped.charAt(i);
            if (quoted && c == '\\' && i + 1 < unescaped.length()) {
                current.append(unescaped.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any || current.length() > 0) {
                    args.add(current.toString().replace("%%", "%"));
                }
                current.setLength(0);
                any = false;
            } else {
                current.append(c);
            }
        }
        if (any || current.length() > 0) {
            args.add(current.toString().replace("%%", "%"));
        }
        return args;
    }
}
