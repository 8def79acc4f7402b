package org.traytalk.config;

import java.util.Optional;

/** The keys of the settings file, in the order the file lists them, each with a one-line explanation. */
public enum SettingKey {
    NAME("name", "How this computer appears to others: 1 to 24 bytes in UTF-8, not \"*\". Default: the computer name."),
    GROUP("group", "Group (mailslot) name every member shares: 1 to 64 of A-Z a-z 0-9 _ . $ - (used upper-cased)."),
    CARRIERS("carriers", "Transports to use, comma-separated: udp, mailslot (Windows only), netbios."),
    UDP_PORT("udp.port", "UDP port TrayTalk peers talk on, 1024 to 65535; every member must use the same."),
    NETWORK_INTERFACES("network.interfaces", "Network interface names to use, comma-separated; empty means every active IPv4 interface."),
    UDP_TARGETS("udp.targets", "Extra destinations for messages to everyone, comma-separated: host, host:port or subnet a.b.c.d/n."),
    LEGACY_CODEPAGE("legacy.codepage", "Character set of peers running the original mailslot program, e.g. windows-1252, cp866."),
    HEARTBEAT_SECONDS("presence.heartbeat.seconds", "Seconds between ONLINE announcements, 5 to 3600."),
    FAIL_AFTER_MINUTES("delivery.fail.after.minutes", "Minutes until an unconfirmed message counts as failed, 1 to 525600."),
    NETBIOS_WORKGROUP("netbios.workgroup", "NetBIOS workgroup the netbios carrier sends messages for everyone to: 1 to 15 characters, no \\ / : * ? \" < > |."),
    NETBIOS_NAME_SERVICE("netbios.nameservice", "Answer NetBIOS name queries for this computer's name on UDP 137 (netbios carrier only): on or off."),
    ALERT_SECONDS("alerts.seconds", "Seconds a message pop-up stays on screen (it stays while the mouse is over it), 0 to 600; 0 keeps it until closed."),
    ALERT_SOUND("alerts.sound", "Play a sound when a message pop-up appears: on or off."),
    TRAY_BLINK("tray.blink", "Blink the tray icon while a message is unread: on or off."),
    NOTIFICATIONS("notifications", "How a new message is shown: popup (TrayTalk's own, with a reply field), native (the desktop's notification centre, which keeps it and obeys do-not-disturb) or both."),
    AWAY_MINUTES("away.minutes", "Minutes without keyboard or mouse input after which you count as away, 1 to 1440; 0 never."),
    STATUS("status", "A line others see beside your name, e.g. \"in a meeting until 3\"; at most 64 characters, empty for none."),
    SEEN_RECEIPTS("seen.receipts", "Tell senders when you have read their message (\"seen\"), and show when they read yours: on or off."),
    UNVERIFIED_PEERS("unverified.peers", "Peers of the original program (mailslot, netbios carriers) cannot prove who they are: allow (shown as not verified), warn (and every pop-up of theirs says so) or refuse (ignored)."),
    GROUP_PASSPHRASE("group.passphrase", "Organisation passphrase: when set, only members with the same passphrase see and reach each other; empty means none (a file group.key next to this one also sets it).");

    private final String key;
    private final String explanation;

    SettingKey(String key, String explanation) {
        this.key = key;
        this.explanation = explanation;
    }

    /** The key as written in the file, e.g. {@code udp.port}. */
    public String key() {
        return key;
    }

    public String explanation() {
        return explanation;
    }

    public static Optional<SettingKey> byKey(String key) {
        for (SettingKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
