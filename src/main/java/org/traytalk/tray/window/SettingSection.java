package org.traytalk.tray.window;

import java.util.Arrays;
import java.util.List;
import org.traytalk.config.SettingKey;

/** The groups the settings window shows, and how each key is labelled there. */
enum SettingSection {
    YOU("You"),
    NETWORK("Network"),
    TRUST("Trust"),
    DELIVERY("Delivery"),
    POPUPS("Pop-ups");

    private final String title;

    SettingSection(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    /** This section's keys, in the settings file's order. */
    List<SettingKey> keys() {
        return Arrays.stream(SettingKey.values()).filter(k -> of(k) == this).toList();
    }

    static SettingSection of(SettingKey key) {
        return switch (key) {
            case NAME -> YOU;
            case GROUP, CARRIERS, UDP_PORT, NETWORK_INTERFACES, UDP_TARGETS, LEGACY_CODEPAGE, NETBIOS_WORKGROUP,
                 NETBIOS_NAME_SERVICE -> NETWORK;
            case HEARTBEAT_SECONDS, FAIL_AFTER_MINUTES -> DELIVERY;
            case ALERT_SECONDS, ALERT_SOUND, TRAY_BLINK, NOTIFICATIONS -> POPUPS;
            case AWAY_MINUTES, STATUS, SEEN_RECEIPTS -> YOU;
            case UNVERIFIED_PEERS, GROUP_PASSPHRASE -> TRUST;
        };
    }

    /** Name, timing, pop-up and trust changes apply at once; network ones and the passphrase at the next start. */
    static boolean appliesLive(SettingKey key) {
        return of(key) != NETWORK && key != SettingKey.GROUP_PASSPHRASE;
    }

    static String label(SettingKey key) {
        return switch (key) {
            case NAME -> "Your name";
            case GROUP -> "Group";
            case CARRIERS -> "Carriers";
            case UDP_PORT -> "UDP port";
            case NETWORK_INTERFACES -> "Interfaces";
            case UDP_TARGETS -> "Extra targets";
            case LEGACY_CODEPAGE -> "Legacy code page";
            case NETBIOS_WORKGROUP -> "NetBIOS workgroup";
            case NETBIOS_NAME_SERVICE -> "NetBIOS name service";
            case HEARTBEAT_SECONDS -> "Heartbeat (seconds)";
            case FAIL_AFTER_MINUTES -> "Give up after (minutes)";
            case ALERT_SECONDS -> "Show pop-ups (seconds)";
            case ALERT_SOUND -> "Sound";
            case TRAY_BLINK -> "Blink icon while unread";
            case NOTIFICATIONS -> "Show messages as";
            case AWAY_MINUTES -> "Away after (minutes idle)";
            case STATUS -> "Status";
            case SEEN_RECEIPTS -> "Seen marks";
            case UNVERIFIED_PEERS -> "Unverified peers";
            case GROUP_PASSPHRASE -> "Organisation passphrase";
        };
    }
}
