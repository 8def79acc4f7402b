package org.traytalk.tray.window;

import java.util.List;
import javax.swing.JComponent;
import org.traytalk.config.SettingKey;

/** The editor of one setting; its value is in settings-file syntax, validated by the form. */
interface SettingField {
    SettingKey key();

    JComponent component();

    /** What the user entered, as the file would hold it (e.g. {@code "udp, netbios"}, {@code "on"}). */
    String value();

    /** Shows a value in file syntax. */
    void show(String value);

    /** Calls {@code onEdit} on every change the user makes. */
    void onEdit(Runnable onEdit);

    /** The editor that fits a key: check boxes for on/off and carriers, a spinner for numbers, else a text field. */
    static SettingField forKey(SettingKey key) {
        return switch (key) {
            case NETBIOS_NAME_SERVICE, ALERT_SOUND, TRAY_BLINK, SEEN_RECEIPTS -> new OnOffField(key);
            case CARRIERS -> new CarriersField(key);
            case UDP_PORT, HEARTBEAT_SECONDS, FAIL_AFTER_MINUTES, ALERT_SECONDS, AWAY_MINUTES -> new NumberField(key);
            case NAME, GROUP, NETWORK_INTERFACES, UDP_TARGETS, LEGACY_CODEPAGE, NETBIOS_WORKGROUP, NOTIFICATIONS,
                 STATUS -> new TextField(key);
            case UNVERIFIED_PEERS -> new ChoiceField(key, List.of("allow", "warn", "refuse"));
            case GROUP_PASSPHRASE -> new TextField(key, true);
        };
    }
}
