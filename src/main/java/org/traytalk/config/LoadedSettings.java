package org.traytalk.config;

import java.util.List;
import java.util.Objects;

/**
 * Settings as read from the file, with one readable warning per problem found (a bad value, an unknown
 * key, an unreadable file); each problem fell back to the default.
 */
public record LoadedSettings(Settings settings, List<String> warnings) {
    public LoadedSettings {
        Objects.requireNonNull(settings, "settings");
        warnings = List.copyOf(warnings);
    }
}
