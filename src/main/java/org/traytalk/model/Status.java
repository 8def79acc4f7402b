package org.traytalk.model;

/**
 * What a user shows others besides being online: away (no keyboard or mouse input for a while) and a status line.
 *
 * @param away whether the user is away from the computer
 * @param line what the user wrote, e.g. "in a meeting until 3"; empty for none
 */
public record Status(boolean away, String line) {
    public static final Status AVAILABLE = new Status(false, "");

    public Status {
        line = line == null ? "" : line.strip();
    }
}
