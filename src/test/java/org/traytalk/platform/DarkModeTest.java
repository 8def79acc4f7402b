package org.traytalk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DarkModeTest {
    private final List<List<String>> asked = new ArrayList<>();

    private DarkMode on(String os, Map<String, String> env, String answer) {
        return new DarkMode(os, env, command -> {
            asked.add(command);
            return Optional.ofNullable(answer);
        });
    }

    @Test
    void windowsReadsAppsUseLightTheme() {
        String dark = "\r\nHKEY_CURRENT_USER\\...\\Personalize\r\n    AppsUseLightTheme    REG_DWORD    0x0\r\n";
        String light = dark.replace("0x0", "0x1");
        assertThat(on("Windows 11", Map.of(), dark).isDark()).isTrue();
        assertThat(on("Windows 11", Map.of(), light).isDark()).isFalse();
        assertThat(on("Windows 10", Map.of(), null).isDark()).isFalse();
        assertThat(asked.get(0)).startsWith("reg", "query");
    }

    @Test
    void macReadsAppleInterfaceStyle() {
        assertThat(on("Mac OS X", Map.of(), "Dark\n").isDark()).isTrue();
        assertThat(on("Mac OS X", Map.of(), null).isDark()).isFalse(); // the key is absent in light mode
    }

    @Test
    void linuxUsesGtkThemeThenGnomesColorScheme() {
        assertThat(on("Linux", Map.of("GTK_THEME", "Adwaita:dark"), null).isDark()).isTrue();
        assertThat(asked).isEmpty();
        assertThat(on("Linux", Map.of(), "'prefer-dark'\n").isDark()).isTrue();
        assertThat(on("Linux", Map.of(), "'default'\n").isDark()).isFalse();
        assertThat(on("Linux", Map.of("GTK_THEME", "Adwaita"), null).isDark()).isFalse();
    }
}
