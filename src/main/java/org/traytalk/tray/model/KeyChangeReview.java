package org.traytalk.tray.model;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.traytalk.model.KeyChange;

/**
 * What the review dialog says about one key change, as plain text: the two codes side by side, how many messages
 * are held, and in plain words what to do. The warnings the tray, the pop-up and the conversation show come from
 * here too, so they all say the same.
 *
 * @param title          e.g. "BOB's key changed"
 * @param summary        what happened and what it may mean
 * @param pinnedCaption  above the code TrayTalk knows
 * @param pinnedCode     that code, "(none)" when there is none
 * @param offeredCaption above the code that turned up, with when
 * @param offeredCode    that code
 * @param held           how many of its messages are held and where they go once accepted
 * @param advice         what to do: ask the peer for the code, compare, decide
 * @param accept         the accepting button's label
 * @param keep           the other button's label
 */
public record KeyChangeReview(String title, String summary, String pinnedCaption, String pinnedCode,
                              String offeredCaption, String offeredCode, String held, String advice, String accept,
                              String keep) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static KeyChangeReview of(KeyChange c, ZoneId zone) {
        String name = PlainText.label(c.name());
        return new KeyChangeReview(title(c),
                "A TrayTalk with another identity is using the name " + name + ". Either " + name
                        + " reinstalled TrayTalk or uses another computer, or someone may be posing as " + name + ".",
                "Known key of " + name,
                c.pinned() == null ? "(none)" : c.pinned().code(),
                "New key, first seen " + WHEN.format(c.firstSeen().atZone(zone)),
                c.offered().code(),
                held(c.held()) + (c.held() > 0 ? ": they appear in " + name + "'s conversation if you accept the new"
                        + " key." : "."),
                "Ask " + name + " for the code TrayTalk shows under About, in person or by phone (not through"
                        + " TrayTalk), and compare it with the new key. Accept it only if they match. If they differ, or"
                        + " you cannot ask, keep the old one: TrayTalk goes on talking only to the " + name
                        + " it knows.",
                "Accept new key", "Keep the old one");
    }

    /** "BOB's key changed": the heading of every warning about it. */
    public static String title(KeyChange c) {
        return PlainText.label(c.name()) + "'s key changed";
    }

    /** "Someone may be posing as BOB": the warning line under that heading. */
    public static String warning(KeyChange c) {
        return "Someone may be posing as " + PlainText.label(c.name());
    }

    /** The banner in the peer's conversation. */
    public static String banner(KeyChange c) {
        return title(c) + ": someone may be posing as " + PlainText.label(c.name()) + ". " + held(c.held())
                + (c.held() > 0 ? " until you review it." : ".");
    }

    /** What the pop-up says under its warning line. */
    public static String alertText(KeyChange c) {
        return held(c.held()) + ". Compare codes with " + PlainText.label(c.name()) + " before you accept the new key.";
    }

    /** The tray menu's entry for it. */
    public static String menuLabel(KeyChange c) {
        return title(c) + ": review...";
    }

    private static String held(int count) {
        return switch (count) {
            case 0 -> "No messages from the new key so far";
            case 1 -> "1 message from the new key is held";
            default -> count + " messages from the new key are held";
        };
    }
}
