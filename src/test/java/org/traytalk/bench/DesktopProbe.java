package org.traytalk.bench;

import java.awt.AWTException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * The footprint benchmark's eyes and its peer, a process of its own on the test display (AWT's Robot reads the
 * screen) and in the peer's network namespace. Commands on stdin, one answer line each on stdout; times are
 * {@link System#nanoTime} values, which are comparable between processes on Linux (CLOCK_MONOTONIC).
 * <ul>
 * <li>{@code tray X Y W H MINBLUE} answers {@code tray NANOS} once the bubble's blue shows in that area;</li>
 * <li>{@code peer NAME IFACE} starts a TrayTalk node NAME on IFACE; {@code online PEER} waits until PEER is online;</li>
 * <li>{@code popup PEER X Y W H} notes the time, sends PEER a message and answers {@code popup MILLIS} once a
 * painted pop-up shows in that area; {@code gone X Y W H} waits until the area is dark again;</li>
 * <li>{@code flood PEER N} sends N messages and answers {@code flood SECONDS} when all are confirmed;</li>
 * <li>{@code quit}.</li>
 * </ul>
 * Run by {@link FootprintBenchmark}; not meant to be started by hand.
 */
public final class DesktopProbe {
    private static final long POLL_MILLIS = 5;
    private static final long TIMEOUT_NANOS = 120_000_000_000L;

    private DesktopProbe() {
    }

    public static void main(String[] args) throws Exception {
        Robot robot = new Robot();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PeerNode peer = null;
        Path dir = Files.createTempDirectory("traytalk-probe");
        out.println("ready");
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] w = line.strip().split(" ");
                switch (w[0]) {
                    case "tray" -> {
                        int minBlue = Integer.parseInt(w[5]);
                        out.println("tray " + await(robot, area(w, 1), c -> c.iconDrawn(minBlue)));
                    }
                    case "peer" -> {
                        peer = PeerNode.start(w[1], w[2], dir);
                        out.println("peer");
                    }
                    case "online" -> {
                        peer.awaitOnline(w[1]);
                        out.println("online");
                    }
                    case "popup" -> {
                        long sent = System.nanoTime();
                        peer.send(w[1], "Lunch at noon? (footprint benchmark)");
                        long shown = await(robot, area(w, 2), PixelCounts::windowPainted);
                        out.printf("popup %.1f%n", (shown - sent) / 1e6);
                    }
                    case "gone" -> {
                        await(robot, area(w, 1), PixelCounts::windowGone);
                        out.println("gone");
                    }
                    case "flood" -> out.printf("flood %.1f%n", peer.flood(w[1], Integer.parseInt(w[2])));
                    case "quit" -> {
                        return;
                    }
                    default -> out.println("error unknown command " + w[0]);
                }
            }
        } finally {
            if (peer != null) {
                peer.close();
            }
        }
    }

    private static Rectangle area(String[] w, int from) {
        return new Rectangle(Integer.parseInt(w[from]), Integer.parseInt(w[from + 1]), Integer.parseInt(w[from + 2]),
                Integer.parseInt(w[from + 3]));
    }

    /** Polls the area until it matches; returns when the first matching picture was taken. */
    private static long await(Robot robot, Rectangle area, Predicate<PixelCounts> done) throws AWTException {
        long end = System.nanoTime() + TIMEOUT_NANOS;
        while (System.nanoTime() < end) {
            long taken = System.nanoTime();
            if (done.test(PixelCounts.of(robot.createScreenCapture(area)))) {
                return taken;
            }
            robot.delay((int) POLL_MILLIS);
        }
        throw new AWTException("the screen area " + area + " did not change as awaited within 120 s");
    }
}
