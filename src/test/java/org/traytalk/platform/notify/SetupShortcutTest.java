package org.traytalk.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Windows setup's Start menu shortcut is the one the toasts need: where {@link WindowsToasts} looks for it, with
 * the AppUserModelID TrayTalk claims. Read from the setup script, since Wine's shell links do not store the property
 * (installer/test-setup.sh cannot see it on the installed shortcut).
 */
class SetupShortcutTest {
    static final Path SCRIPT = Path.of("installer", "traytalk.iss");
    /** One parameter of an Inno Setup entry: {@code Name: "a; b"} or {@code Tasks: desktopicon}. */
    private static final Pattern PARAMETER = Pattern.compile("(\\w+):\\s*(\"(?:[^\"]|\"\")*\"|[^;]*)\\s*(;|$)");

    @Test
    void theStartMenuShortcutCarriesTheAppUserModelIdTheToastsUseWhereTheyLookForIt() throws IOException {
        List<Map<String, String>> icons = entries(Files.readAllLines(SCRIPT), "[Icons]");
        List<Map<String, String>> startMenu = icons.stream()
                .filter(e -> e.getOrDefault("Name", "").startsWith("{autoprograms}\\")).toList();
        assertThat(startMenu).as("one Start menu shortcut in %s", SCRIPT).hasSize(1);
        Map<String, String> shortcut = startMenu.get(0);
        assertThat(shortcut.get("AppUserModelID")).isEqualTo(WindowsToasts.APP_ID);
        assertThat(shortcut.get("Filename")).isEqualTo("{app}\\TrayTalk.exe");
        assertThat(shortcut).as("on every install, not only with a task").doesNotContainKeys("Tasks", "Check");

        String file = shortcut.get("Name").substring("{autoprograms}\\".length()) + ".lnk";
        assertThat(WindowsToasts.startMenuShortcuts(Map.of("APPDATA", "C:\\Users\\bob\\AppData\\Roaming")))
                .extracting(p -> p.getFileName().toString()).containsExactly(file);
    }

    @Test
    void entriesAreReadWithQuotedSemicolonsAndDoubledQuotes() {
        List<Map<String, String>> read = entries(List.of("[Icons]", "; a comment", "",
                "Name: \"{autoprograms}\\A; B\"; Comment: \"say \"\"hi\"\"\"; Tasks: x", "[Run]", "Name: other"), "[Icons]");
        assertThat(read).containsExactly(Map.of("Name", "{autoprograms}\\A; B", "Comment", "say \"hi\"", "Tasks", "x"));
    }

    /** The entries of one section, each as its parameters (quotes taken off). */
    static List<Map<String, String>> entries(List<String> lines, String section) {
        boolean inside = false;
        List<Map<String, String>> found = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                inside = line.equalsIgnoreCase(section);
            } else if (inside && !line.isEmpty() && !line.startsWith(";")) {
                Map<String, String> entry = new HashMap<>();
                Matcher m = PARAMETER.matcher(line);
                while (m.find()) {
                    String value = m.group(2).strip();
                    if (value.startsWith("\"")) {
                        value = value.substring(1, value.length() - 1).replace("\"\"", "\"");
                    }
                    entry.put(m.group(1), value);
                }
                found.add(entry);
            }
        }
        return found;
    }
}
