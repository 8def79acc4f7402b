package org.traytalk.config;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.traytalk.model.UnverifiedPolicy;

/**
 * Every setting, validated. Keys and defaults are documented in the settings file TrayTalk writes on
 * first run and in the README.
 *
 * @param displayName      {@code name}: how this node introduces itself; 1..24 bytes in UTF-8 (default: computer name)
 * @param group            {@code group}: the group (mailslot) name every node in the group shares (default FOXAPP)
 * @param carriers         {@code carriers}: enabled carriers, any of udp, mailslot, netbios, in the order they start (default: udp)
 * @param udpPort          {@code udp.port}: UDP port, 1024..65535 (default 42138)
 * @param interfaces       {@code network.interfaces}: interface names to use; empty means every up IPv4 interface
 * @param extraTargets     {@code udp.targets}: extra "everyone" destinations: host, host:port, or a subnet a.b.c.d/n
 * @param legacyCharset    {@code legacy.codepage}: code page for legacy (mailslot) peers (default windows-1252)
 * @param heartbeat        {@code presence.heartbeat.seconds}: ONLINE re-announce interval (default 60)
 * @param failAfter        {@code delivery.fail.after.minutes}: unconfirmed messages fail after this (default 1440)
 * @param netbiosWorkgroup {@code netbios.workgroup}: NetBIOS workgroup "everyone" frames go to (default WORKGROUP)
 * @param nameService      {@code netbios.nameservice}: answer NetBIOS name queries for our name on UDP 137 (default on)
 * @param alertTime        {@code alerts.seconds}: how long a pop-up stays; zero keeps it until closed (default 8)
 * @param alertSound       {@code alerts.sound}: play a sound with each pop-up (default off)
 * @param trayBlink        {@code tray.blink}: blink the tray icon while a message is unread (default off)
 * @param notifications    {@code notifications}: TrayTalk's pop-up, the desktop's notifications, or both (default popup)
 * @param awayAfter        {@code away.minutes}: idle time after which this user is away; zero never (default 10)
 * @param statusLine       {@code status}: what others see beside the name; empty for none (default empty)
 * @param seenReceipts     {@code seen.receipts}: send and show "seen" marks (default on)
 * @param unverified       {@code unverified.peers}: what to do with the original program's peers (default warn)
 * @param passphrase       {@code group.passphrase}: the organisation passphrase, empty for none (default); never
 *                         shown by {@link #toString}
 */
public record Settings(String displayName, String group, List<String> carriers, int udpPort,
                       List<String> interfaces, List<String> extraTargets, Charset legacyCharset,
                       Duration heartbeat, Duration failAfter, String netbiosWorkgroup, boolean nameService,
                       Duration alertTime, boolean alertSound, boolean trayBlink, NotificationStyle notifications,
                       Duration awayAfter, String statusLine, boolean seenReceipts, UnverifiedPolicy unverified,
                       String passphrase) {

    /** The longest status line, in characters. */
    public static final int STATUS_MAX_CHARS = 64;

    public static final String DEFAULT_GROUP = "FOXAPP";
    public static final int DEFAULT_UDP_PORT = 42138;
    public static final String DEFAULT_WORKGROUP = "WORKGROUP";

    public Settings {
        carriers = List.copyOf(carriers);
        interfaces = List.copyOf(interfaces);
        extraTargets = List.copyOf(extraTargets);
        Objects.requireNonNull(unverified, "unverified");
        Objects.requireNonNull(passphrase, "passphrase");
    }

    /** The same settings with another passphrase (read from group.key). */
    public Settings withPassphrase(String newPassphrase) {
        return new Settings(displayName, group, carriers, udpPort, interfaces, extraTargets, legacyCharset, heartbeat,
                failAfter, netbiosWorkgroup, nameService, alertTime, alertSound, trayBlink, notifications, awayAfter, statusLine,
                seenReceipts, unverified, newPassphrase);
    }

    @Override
    public String toString() {
        return "Settings[name=" + displayName + ", group=" + group + ", carriers=" + carriers + ", udp.port=" + udpPort
                + ", interfaces=" + interfaces + ", targets=" + extraTargets + ", unverified=" + unverified
                + (passphrase.isEmpty() ? "" : ", with a passphrase") + "]";
    }

    /** The part of these settings that only a restart applies. */
    public NetworkSettings network() {
        return new NetworkSettings(carriers, udpPort, interfaces, extraTargets, group, legacyCharset, netbiosWorkgroup,
                nameService, passphrase);
    }
}
