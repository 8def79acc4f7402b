package org.traytalk.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.traytalk.model.ChatMessage;

/** Works out the default display name: this computer's name, cut to what fits a message header. */
public final class ComputerName {

    /** Used when the computer has no usable name. */
    public static final String FALLBACK = "TRAYTALK";

    private ComputerName() {
    }

    /** The default name for the running machine. */
    public static String ofThisMachine() {
        return choose(System.getProperty("os.name", ""), System.getenv(), ComputerName::hostName);
    }

    /**
     * Windows: {@code COMPUTERNAME}; elsewhere the host name up to its first dot. Control characters are
     * dropped and the result is cut to 24 UTF-8 bytes without splitting a character.
     */
    static String choose(String osName, Map<String, String> env, Supplier<String> hostName) {
        String raw = null;
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            raw = env.get("COMPUTERNAME");
        }
        if (raw == null || raw.isBlank()) {
            raw = hostName.get();
            if (raw != null && raw.indexOf('.') >= 0) {
                raw = raw.substring(0, raw.indexOf('.'));
            }
        }
        String cleaned = raw == null ? "" : raw.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        String name = truncateUtf8(cleaned, SettingValues.NAME_MAX_BYTES).strip();
        return name.isEmpty() || name.equals(ChatMessage.EVERYONE) ? FALLBACK : name;
    }

    /** The longest prefix of {@code text} that is at most {@code maxBytes} in UTF-8, cut between code points. */
    static String truncateUtf8(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            // Cheaper than a resolver call and present on most Linux systems.
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                return Files.readString(etc).strip();
            }
        } catch (IOException e) {
            // fall through to the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }
}
