package org.traytalk.wire.secure;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.traytalk.model.Status;

/**
 * A user's status in an announcement's extensions: tag {@value #AWAY} (one byte, 1 when away) and tag
 * {@value #LINE} (the status line in UTF-8, at most {@value #MAX_LINE_CHARS} characters). Announcements without them
 * (older TrayTalk) mean available, no line.
 */
public final class StatusExtension {
    public static final int AWAY = Announcement.TAG_AWAY;
    public static final int LINE = Announcement.TAG_STATUS_LINE;
    public static final int MAX_LINE_CHARS = 64;

    private StatusExtension() {
    }

    public static byte[] encode(Status status) {
        Map<Integer, byte[]> values = new LinkedHashMap<>();
        if (status.away()) {
            values.put(AWAY, new byte[] {1});
        }
        if (!status.line().isEmpty()) {
            values.put(LINE, status.line().getBytes(StandardCharsets.UTF_8));
        }
        return AnnouncementCodec.extensions(values);
    }

    /** The status an announcement carries; a line that is too long or not text is cut or cleaned, not refused. */
    public static Status decode(Announcement a) {
        byte[] away = AnnouncementCodec.extension(a, AWAY);
        byte[] line = AnnouncementCodec.extension(a, LINE);
        String text = line == null ? "" : new String(line, StandardCharsets.UTF_8);
        StringBuilder clean = new StringBuilder();
        text.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(MAX_LINE_CHARS).forEach(clean::appendCodePoint);
        return new Status(away != null && away.length == 1 && away[0] == 1, clean.toString());
    }
}
