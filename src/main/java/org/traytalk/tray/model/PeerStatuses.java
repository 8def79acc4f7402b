package org.traytalk.tray.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.traytalk.model.Peer;
import org.traytalk.model.Status;

/**
 * Who of the online peers is away and what status line each shows, as their announcements last said, and how the
 * tray and the windows put that into words. Only TrayTalk peers announce a status: the original program's peers are
 * always plain online. Pure; UI-thread confined.
 */
public final class PeerStatuses {
    /** A status line beside a name in a menu or list is clipped to this many characters. */
    public static final int LINE_CHARS = 40;
    private static final String DOT = " \u00B7 ";

    private final Map<String, Status> byKey = new HashMap<>(); // only statuses other than plain available

    /** Starts over from the roster; true when what is shown for some peer changed. */
    public boolean reset(List<Peer> peers) {
        Map<String, Status> before = Map.copyOf(byKey);
        byKey.clear();
        peers.forEach(this::peer);
        return !byKey.equals(before);
    }

    /**
     * The roster described {@code p} (came online, went offline): an offline peer, or one of the original program,
     * shows no status. True when what is shown for it changed.
     */
    public boolean peer(Peer p) {
        return set(p.key(), p.online() && p.verified() ? p.status() : Status.AVAILABLE);
    }

    /** {@code name} announced {@code now}; true when what is shown for it changed. */
    public boolean changed(String name, Status now) {
        return set(Peer.keyOf(name), now);
    }

    private boolean set(String key, Status now) {
        Status before = byKey.getOrDefault(key, Status.AVAILABLE);
        if (now.equals(Status.AVAILABLE)) {
            byKey.remove(key);
        } else {
            byKey.put(key, now);
        }
        return !before.equals(now);
    }

    /** What {@code name} shows now; {@link Status#AVAILABLE} for unknown, offline and the original program's peers. */
    public Status of(String name) {
        return byKey.getOrDefault(Peer.keyOf(name), Status.AVAILABLE);
    }

    /** How many of {@code names} are away. */
    public long away(List<String> names) {
        return names.stream().filter(n -> of(n).away()).count();
    }

    /**
     * What follows a name in a menu: "", " (away)", " - in a meeting until 3", " (away) - at lunch". Plain text;
     * starts with a blank, so it never turns a label into HTML.
     */
    public String suffix(String name) {
        Status s = of(name);
        String line = line(s);
        return (s.away() ? " (away)" : "") + (line.isEmpty() ? "" : " - " + line);
    }

    /** Presence in words: "Offline", "Online", "Away", with the status line: "Away \u00B7 at lunch". Plain text. */
    public static String presence(boolean online, Status s) {
        if (!online) {
            return "Offline";
        }
        String line = line(s);
        return (s.away() ? "Away" : "Online") + (line.isEmpty() ? "" : DOT + line);
    }

    /** The status line as one clipped line of plain text; empty for none. */
    public static String line(Status s) {
        return PlainText.clip(PlainText.line(s.line()), LINE_CHARS, 1).text();
    }
}
