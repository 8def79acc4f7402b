package org.traytalk.config;

import java.util.ArrayList;
import java.util.List;

/** The settings file written on first run: every key commented out, showing its default. */
final class SettingsTemplate {

    private SettingsTemplate() {
    }

    static List<String> lines(Settings defaults) {
        List<String> lines = new ArrayList<>(List.of(
                "# TrayTalk settings.",
                "# Lines starting with # are comments. To change a setting, remove the # in front of it and",
                "# edit the value; a running TrayTalk picks the change up. Lists are comma-separated.",
                "# A bad value is reported in the log and its default is used instead.",
                "# This file is UTF-8."));
        for (SettingKey key : SettingKey.values()) {
            lines.add("");
            lines.add("# " + key.explanation());
            lines.add(commentedDefault(key, defaults));
        }
        return lines;
    }

    /** The commented-out line for {@code key}, e.g. {@code #udp.port = 42138}. */
    static String commentedDefault(SettingKey key, Settings defaults) {
        String value = SettingValues.format(key, defaults);
        return "#" + key.key() + " =" + (value.isEmpty() ? "" : " " + value);
    }
}
