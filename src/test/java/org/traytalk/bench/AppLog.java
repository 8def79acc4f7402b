package org.traytalk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The app's own log (logs/traytalk.log) read for timing: when it said something, by its own clock stamp. */
final class AppLog {
    /** The start of each line, as LogSetup writes it. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final int STAMP_LENGTH = 23;

    private AppLog() {
    }

    /**
     * When the first line stamped at or after {@code since} that {@code match} finds was logged; fails with the log's
     * end when none comes within {@code timeoutSeconds}. The stamps are milliseconds in this machine's zone.
     */
    static Instant await(Path log, Instant since, Pattern match, int timeoutSeconds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        // a stamp is cut to the millisecond: a line of the same millisecond as since counts
        Instant from = since.truncatedTo(ChronoUnit.MILLIS);
        while (true) {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            for (String line : lines) {
                Optional<Instant> at = stamp(line);
                if (at.isPresent() && !at.get().isBefore(from) && match.matcher(line).find()) {
                    return at.get();
                }
            }
            if (System.nanoTime() > deadline) {
                int tail = Math.max(0, lines.size() - 20);
                throw new IllegalStateException("no line matching " + match + " in " + log + " within "
                        + timeoutSeconds + " s; it ends:\n" + String.join("\n", lines.subList(tail, lines.size())));
            }
            Thread.sleep(20);
        }
    }

    private static Optional<Instant> stamp(String line) {
        if (line.length() < STAMP_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(line.substring(0, STAMP_LENGTH), STAMP)
                    .atZone(ZoneId.systemDefault()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty(); // a stack trace's line
        }
    }
}
