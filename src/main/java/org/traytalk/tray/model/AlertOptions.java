package org.traytalk.tray.model;

import java.time.Duration;
import java.util.Objects;
import org.traytalk.model.UnverifiedPolicy;

/**
 * How pop-ups behave.
 *
 * @param maxVisible     most pop-ups on screen at once; the oldest unhovered one makes room
 * @param hideAfter      how long an unhovered pop-up stays; zero keeps it until closed
 * @param floodThreshold more messages than this from one sender within {@code floodWindow} collapse into one
 * @param floodWindow    see {@code floodThreshold}
 * @param previewChars   longest preview, in characters, before it is clipped
 * @param previewLines   most preview lines before it is clipped
 * @param unverified     the {@code unverified.peers} setting: with WARN, a pop-up from a peer that cannot be verified
 *                       says that anyone could have sent it
 */
public record AlertOptions(int maxVisible, Duration hideAfter, int floodThreshold, Duration floodWindow,
                           int previewChars, int previewLines, UnverifiedPolicy unverified) {

    public static final AlertOptions DEFAULTS =
            new AlertOptions(4, Duration.ofSeconds(8), 3, Duration.ofSeconds(10), 200, 4, UnverifiedPolicy.WARN);

    public AlertOptions {
        if (maxVisible < 1 || floodThreshold < 1 || previewChars < 2 || previewLines < 1) {
            throw new IllegalArgumentException("Alert limits must be positive: " + maxVisible + ", "
                    + floodThreshold + ", " + previewChars + ", " + previewLines);
        }
        if (hideAfter.isNegative() || floodWindow.isNegative()) {
            throw new IllegalArgumentException("hideAfter and floodWindow must not be negative");
        }
        Objects.requireNonNull(unverified, "unverified");
    }

    public AlertOptions withHideAfter(Duration newHideAfter) {
        return new AlertOptions(maxVisible, newHideAfter, floodThreshold, floodWindow, previewChars, previewLines,
                unverified);
    }

    public AlertOptions withUnverified(UnverifiedPolicy policy) {
        return new AlertOptions(maxVisible, hideAfter, floodThreshold, floodWindow, previewChars, previewLines, policy);
    }

    /** Whether a pop-up from a peer that cannot be verified carries the warning line. */
    boolean warnUnverified() {
        return unverified == UnverifiedPolicy.WARN;
    }
}
