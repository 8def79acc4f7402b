package org.traytalk.tray.window;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the history window writes times: short for today, with the day for older ones. */
final class TimeText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm:ss", Locale.ENGLISH);

    private final Clock clock;

    TimeText(Clock clock) {
        this.clock = clock;
    }

    /** For the conversation list: "14:05", "Yesterday", "Tue", "25 Nov" or "25 Nov 2025". */
    String brief(Instant at) {
        ZonedDateTime t = at.atZone(clock.getZone());
        LocalDate today = LocalDate.now(clock);
        LocalDate day = t.toLocalDate();
        if (day.equals(today)) {
            return TIME.format(t);
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        if (day.isAfter(today.minusDays(7)) && day.isBefore(today)) {
            return WEEKDAY.format(t);
        }
        return (day.getYear() == today.getYear() ? DAY : DAY_YEAR).format(t);
    }

    /** For a message: "14:05" today, otherwise the day and the time. */
    String stamp(Instant at) {
        ZonedDateTime t = at.atZone(clock.getZone());
        String time = TIME.format(t);
        return t.toLocalDate().equals(LocalDate.now(clock)) ? time : brief(at) + ", " + time;
    }

    /** Spelled out, for a tooltip. */
    String full(Instant at) {
        return FULL.format(at.atZone(clock.getZone()));
    }
}
