package org.traytalk.config;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.traytalk.model.UnverifiedPolicy;

/** One read of the settings file: raw values through Commons Configuration, then per-key validation. */
final class SettingsReader {

    private final Path path;
    private final Settings defaults;
    private final List<String> warnings = new ArrayList<>();
    private final Map<SettingKey, String> raw = new EnumMap<>(SettingKey.class);

    SettingsReader(Path path, Settings defaults) {
        this.path = path;
        this.defaults = defaults;
    }

    LoadedSettings read() {
        if (Files.exists(path)) {
            readRaw();
        }
        Settings settings = new Settings(
                value(SettingKey.NAME, String.class, defaults.displayName()),
                value(SettingKey.GROUP, String.class, defaults.group()),
                listOf(value(SettingKey.CARRIERS, List.class, defaults.carriers())),
                value(SettingKey.UDP_PORT, Integer.class, defaults.udpPort()),
                listOf(value(SettingKey.NETWORK_INTERFACES, List.class, defaults.interfaces())),
                listOf(value(SettingKey.UDP_TARGETS, List.class, defaults.extraTargets())),
                value(SettingKey.LEGACY_CODEPAGE, Charset.class, defaults.legacyCharset()),
                value(SettingKey.HEARTBEAT_SECONDS, Duration.class, defaults.heartbeat()),
                value(SettingKey.FAIL_AFTER_MINUTES, Duration.class, defaults.failAfter()),
                value(SettingKey.NETBIOS_WORKGROUP, String.class, defaults.netbiosWorkgroup()),
                value(SettingKey.NETBIOS_NAME_SERVICE, Boolean.class, defaults.nameService()),
                value(SettingKey.ALERT_SECONDS, Duration.class, defaults.alertTime()),
                value(SettingKey.ALERT_SOUND, Boolean.class, defaults.alertSound()),
                value(SettingKey.TRAY_BLINK, Boolean.class, defaults.trayBlink()),
                value(SettingKey.NOTIFICATIONS, NotificationStyle.class, defaults.notifications()),
                value(SettingKey.AWAY_MINUTES, Duration.class, defaults.awayAfter()),
                value(SettingKey.STATUS, String.class, defaults.statusLine()),
                value(SettingKey.SEEN_RECEIPTS, Boolean.class, defaults.seenReceipts()),
                value(SettingKey.UNVERIFIED_PEERS, UnverifiedPolicy.class, defaults.unverified()),
                value(SettingKey.GROUP_PASSPHRASE, String.class, defaults.passphrase()));
        return new LoadedSettings(settings, warnings);
    }

    private void readRaw() {
        PropertiesConfiguration config = new PropertiesConfiguration();
        config.setIncludesAllowed(false); // "include" is not a TrayTalk feature
        // A plain reader rather than the fluent builder, which would need commons-beanutils on the class path;
        // malformed UTF-8 turns into U+FFFD instead of failing.
        try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8)) {
            config.read(reader);
        } catch (ConfigurationException | IOException | RuntimeException e) {
            warnings.add("Cannot read settings file " + path + " (" + rootMessage(e) + "); using every default");
            return;
        }
        for (Iterator<String> keys = config.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            Object value = config.getProperty(key); // raw: no ${...} interpolation surprises
            String text = value instanceof List<?> list ? String.valueOf(list.get(list.size() - 1)) : String.valueOf(value);
            if (value instanceof List<?>) {
                warnings.add("Setting '" + key + "' appears more than once in " + path + "; the last one is used");
            }
            SettingKey.byKey(key).ifPresentOrElse(k -> raw.put(k, text),
                    () -> warnings.add("Unknown setting '" + key + "' in " + path + " is ignored"));
        }
    }

    private <T> T value(SettingKey key, Class<T> type, T fallback) {
        String text = raw.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return type.cast(SettingValues.parse(key, text));
        } catch (SettingValues.BadValueException e) {
            String fallbackText = SettingValues.format(key, defaults);
            warnings.add("Setting '" + key.key() + "' in " + path + " has a bad value \"" + text.strip() + "\" ("
                    + e.getMessage() + "); using the default \"" + fallbackText + "\"");
            return fallback;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> listOf(List<?> list) {
        return (List<String>) list;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
