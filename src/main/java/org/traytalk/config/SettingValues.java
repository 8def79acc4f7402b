package org.traytalk.config;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.traytalk.model.ChatMessage;
import org.traytalk.model.UnverifiedPolicy;
import org.traytalk.wire.PeerNames;

/** Parses, validates and prints the value of each setting. Pure: no I/O. */
final class SettingValues {

    static final List<String> KNOWN_CARRIERS = List.of("udp", "mailslot", "netbios");
    static final int NAME_MAX_BYTES = 24;

    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.$-]{1,64}");
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private SettingValues() {
    }

    /** A value that breaks its key's rules; the message says which rule. */
    static final class BadValueException extends Exception {
        private static final long serialVersionUID = 1L;

        BadValueException(String reason) {
            super(reason);
        }
    }

    static Settings defaults(String displayName) {
        return new Settings(displayName, Settings.DEFAULT_GROUP, defaultCarriers(System.getProperty("os.name", "")),
                Settings.DEFAULT_UDP_PORT,
                List.of(), List.of(), Charset.forName("windows-1252"), Duration.ofSeconds(60), Duration.ofMinutes(1440),
                Settings.DEFAULT_WORKGROUP, true, Duration.ofSeconds(8), false, false, NotificationStyle.POPUP,
                Duration.ofMinutes(10), "", true, UnverifiedPolicy.WARN, "");
    }

    /** UDP everywhere; on Windows also the real mailslots, so the original program is reached out of the box. */
    static List<String> defaultCarriers(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows") ? List.of("udp", "mailslot") : List.of("udp");
    }

    /** Validates {@code raw} for {@code key} and returns the typed value. */
    static Object parse(SettingKey key, String raw) throws BadValueException {
        String value = raw.strip();
        return switch (key) {
            case NAME -> name(value);
            case GROUP -> group(value);
            case CARRIERS -> carriers(value);
            case UDP_PORT -> (int) number(value, 1024, 65535);
            case NETWORK_INTERFACES -> list(value);
            case UDP_TARGETS -> targets(value);
            case LEGACY_CODEPAGE -> codepage(value);
            case HEARTBEAT_SECONDS -> Duration.ofSeconds(number(value, 5, 3600));
            case FAIL_AFTER_MINUTES -> Duration.ofMinutes(number(value, 1, 525_600));
            case NETBIOS_WORKGROUP -> workgroup(value);
            case NETBIOS_NAME_SERVICE, ALERT_SOUND, TRAY_BLINK, SEEN_RECEIPTS -> onOff(value);
            case ALERT_SECONDS -> Duration.ofSeconds(number(value, 0, 600));
            case NOTIFICATIONS -> NotificationStyle.of(value)
                    .orElseThrow(() -> new BadValueException("use popup, native or both"));
            case AWAY_MINUTES -> Duration.ofMinutes(number(value, 0, 1440));
            case STATUS -> status(value);
            case UNVERIFIED_PEERS -> unverified(value);
            case GROUP_PASSPHRASE -> passphrase(value);
        };
    }

    /** The text form of {@code key}'s value in {@code settings}, as the settings file would hold it. */
    static String format(SettingKey key, Settings settings) {
        return switch (key) {
            case NAME -> settings.displayName();
            case GROUP -> settings.group();
            case CARRIERS -> String.join(", ", settings.carriers());
            case UDP_PORT -> Integer.toString(settings.udpPort());
            case NETWORK_INTERFACES -> String.join(", ", settings.interfaces());
            case UDP_TARGETS -> String.join(", ", settings.extraTargets());
            case LEGACY_CODEPAGE -> settings.legacyCharset().name();
            case HEARTBEAT_SECONDS -> Long.toString(settings.heartbeat().toSeconds());
            case FAIL_AFTER_MINUTES -> Long.toString(settings.failAfter().toMinutes());
            case NETBIOS_WORKGROUP -> settings.netbiosWorkgroup();
            case NETBIOS_NAME_SERVICE -> settings.nameService() ? "on" : "off";
            case ALERT_SECONDS -> Long.toString(settings.alertTime().toSeconds());
            case ALERT_SOUND -> settings.alertSound() ? "on" : "off";
            case TRAY_BLINK -> settings.trayBlink() ? "on" : "off";
            case NOTIFICATIONS -> settings.notifications().key();
            case AWAY_MINUTES -> Long.toString(settings.awayAfter().toMinutes());
            case STATUS -> settings.statusLine();
            case SEEN_RECEIPTS -> settings.seenReceipts() ? "on" : "off";
            case UNVERIFIED_PEERS -> settings.unverified().name().toLowerCase(Locale.ROOT);
            case GROUP_PASSPHRASE -> settings.passphrase();
        };
    }

    static UnverifiedPolicy unverified(String value) throws BadValueException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "allow" -> UnverifiedPolicy.ALLOW;
            case "warn" -> UnverifiedPolicy.WARN;
            case "refuse" -> UnverifiedPolicy.REFUSE;
            default -> throw new BadValueException("use allow, warn or refuse");
        };
    }

    /** Any text; blanks at either end are not part of it (they are too easy to type on one computer only). */
    static String passphrase(String value) throws BadValueException {
        String strip = value.strip();
        if (strip.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadValueException("the passphrase must not contain control characters");
        }
        return strip;
    }

    static String name(String value) throws BadValueException {
        if (value.isEmpty()) {
            throw new BadValueException("the name must not be empty");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadValueException("the name must not contain control characters");
        }
        if (value.equals(ChatMessage.EVERYONE)) {
            throw new BadValueException("\"" + ChatMessage.EVERYONE + "\" means everyone and cannot be a name");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > NAME_MAX_BYTES) {
            throw new BadValueException("the name is " + bytes + " bytes in UTF-8, at most " + NAME_MAX_BYTES + " fit");
        }
        String problem = PeerNames.characterProblem(value); // other nodes would refuse every message under it
        if (problem != null) {
            throw new BadValueException(problem);
        }
        return value;
    }

    static String group(String value) throws BadValueException {
        if (!GROUP.matcher(value).matches()) {
            throw new BadValueException("a group is 1 to 64 of the characters A-Z a-z 0-9 _ . $ -");
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /** A NetBIOS name without suffix: 1 to 15 bytes, none of the characters Windows forbids; used upper-cased. */
    static String workgroup(String value) throws BadValueException {
        if (value.isEmpty() || value.length() > 15) {
            throw new BadValueException("a workgroup is 1 to 15 characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c > 0x7e || "\\/:*?\"<>|".indexOf(c) >= 0)) {
            throw new BadValueException("a workgroup is printable ASCII without \\ / : * ? \" < > |");
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /** One line of at most {@link Settings#STATUS_MAX_CHARS} characters, no control characters. */
    static String status(String value) throws BadValueException {
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadValueException("the status must not contain control characters");
        }
        if (value.codePointCount(0, value.length()) > Settings.STATUS_MAX_CHARS) {
            throw new BadValueException("the status is at most " + Settings.STATUS_MAX_CHARS + " characters");
        }
        return value;
    }

    static boolean onOff(String value) throws BadValueException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new BadValueException("use on or off");
        };
    }

    /** The carriers named, in the order given (the order they start in), each once. */
    static List<String> carriers(String value) throws BadValueException {
        Set<String> carriers = new LinkedHashSet<>();
        for (String item : list(value)) {
            String carrier = item.toLowerCase(Locale.ROOT);
            if (!KNOWN_CARRIERS.contains(carrier)) {
                throw new BadValueException("unknown carrier \"" + item + "\", known: " + String.join(", ", KNOWN_CARRIERS));
            }
            carriers.add(carrier);
        }
        if (carriers.isEmpty()) {
            throw new BadValueException("at least one carrier is needed");
        }
        return List.copyOf(carriers);
    }

    static long number(String value, long min, long max) throws BadValueException {
        String rule = "a whole number from " + min + " to " + max;
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadValueException("not " + rule);
        }
        if (n < min || n > max) {
            throw new BadValueException("out of range, " + rule);
        }
        return n;
    }

    static List<String> targets(String value) throws BadValueException {
        List<String> targets = list(value);
        for (String target : targets) {
            if (!isTarget(target)) {
                throw new BadValueException("\"" + target + "\" is not host, host:port or a.b.c.d/n");
            }
        }
        return targets;
    }

    static Charset codepage(String value) throws BadValueException {
        Charset charset;
        try {
            charset = Charset.forName(value);
        } catch (IllegalArgumentException e) { // also IllegalCharsetName- and UnsupportedCharsetException
            throw new BadValueException("this Java does not know that character set");
        }
        // The legacy header is 38 single-byte ASCII characters, so the code page must keep ASCII one byte each.
        if (!charset.canEncode() || "A1 ".getBytes(charset).length != 3) {
            throw new BadValueException("not a single-byte-ASCII code page");
        }
        return charset;
    }

    /** Comma-separated items, trimmed, empty items dropped. */
    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static boolean isTarget(String target) {
        int slash = target.indexOf('/');
        if (slash >= 0) {
            return isIpv4(target.substring(0, slash)) && isNumberIn(target.substring(slash + 1), 1, 32);
        }
        int colon = target.indexOf(':');
        if (colon >= 0) {
            return isHost(target.substring(0, colon)) && isNumberIn(target.substring(colon + 1), 1, 65535);
        }
        return isHost(target);
    }

    private static boolean isHost(String host) {
        return IPV4.matcher(host).matches() ? isIpv4(host) : HOST.matcher(host).matches() && !host.matches("[\\d.]+");
    }

    private static boolean isIpv4(String text) {
        var m = IPV4.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumberIn(String text, int min, int max) {
        if (!text.matches("\\d{1,5}")) {
            return false;
        }
        int n = Integer.parseInt(text);
        return n >= min && n <= max;
    }
}
