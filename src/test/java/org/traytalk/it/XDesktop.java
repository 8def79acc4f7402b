package org.traytalk.it;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A throw-away X desktop for tests: Xvfb on a free display, optionally the {@code trayer} tray host at the top
 * right, screenshots with ImageMagick's {@code import} and input with {@code xdotool}.
 */
final class XDesktop implements AutoCloseable {
    static final List<String> TOOLS = List.of("Xvfb", "trayer", "xdotool", "import", "xwininfo");

    private final Process xvfb;
    private final String display;
    private Process trayer;

    private XDesktop(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** Null when every tool is installed, else which are missing. */
    static String unavailableReason() {
        List<String> missing = TOOLS.stream().filter(t -> !onPath(t)).toList();
        return missing.isEmpty() ? null : "missing " + String.join(", ", missing)
                + " (apt-get install xvfb trayer xdotool imagemagick x11-utils)";
    }

    static XDesktop start(boolean withTray) throws IOException, InterruptedException {
        Process x = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII));
        String number = r.readLine(); // -displayfd: Xvfb picks a free display and writes its number when ready
        if (number == null || !number.strip().matches("\\d+")) {
            x.destroyForcibly();
            throw new IOException("Xvfb did not start (it printed " + number + ")");
        }
        XDesktop desktop = new XDesktop(x, ":" + number.strip());
        if (withTray) {
            ProcessBuilder tray = new ProcessBuilder("trayer", "--edge", "top", "--align", "right", "--widthtype",
                    "pixel", "--width", "160", "--height", "32", "--SetDockType", "true", "--transparent", "false",
                    "--tint", "0x303030").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            tray.environment().putAll(desktop.env());
            desktop.trayer = tray.start();
            desktop.awaitWindow("panel", 20_000); // a loaded CI machine once took more than 10 s
        }
        return desktop;
    }

    /** Starts {@code command} with this desktop's environment; a map so callers can add to it. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", display);
        env.put("DBUS_SESSION_BUS_ADDRESS", "disabled:"); // no D-Bus or accessibility daemons outliving the test
        env.put("NO_AT_BRIDGE", "1");
        return env;
    }

    String display() {
        return display;
    }

    /** Window ids whose title matches the regular expression (xdotool search --name). */
    List<String> windows(String nameRegex) throws IOException, InterruptedException {
        Result r = x("xdotool", "search", "--onlyvisible", "--name", nameRegex);
        return r.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    String awaitWindow(String nameRegex, long millis) {
        return Eventually.find("a window named like '" + nameRegex + "'", Duration.ofMillis(millis),
                Duration.ofMillis(100), () -> windows(nameRegex).stream().findFirst(), () -> "");
    }

    Rectangle geometry(String window) throws IOException, InterruptedException {
        Map<String, Integer> v = new HashMap<>();
        for (String line : x("xdotool", "getwindowgeometry", "--shell", window).out().split("\n")) {
            String[] kv = line.split("=");
            if (kv.length == 2 && kv[1].strip().matches("-?\\d+")) {
                v.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
            }
        }
        return new Rectangle(v.get("X"), v.get("Y"), v.get("WIDTH"), v.get("HEIGHT"));
    }

    /** Windows embedded in the tray host's panel (the icons), from {@code xwininfo -tree}. */
    List<Rectangle> trayIcons() throws IOException, InterruptedException {
        List<Rectangle> icons = new ArrayList<>();
        boolean inPanel = false;
        for (String line : x("xwininfo", "-root", "-tree").out().split("\n")) {
            if (line.contains("\"panel\": (\"panel\" \"trayer\")")) {
                inPanel = true;
                continue;
            }
            if (inPanel && line.matches("\\s{5}0x.*")) {
                break; // next top-level window
            }
            // e.g. 0x400045 "JavaEmbeddedFrame": (...)  24x30+0+0  +1255+1
            var m = Pattern.compile("(\\d+)x(\\d+)\\+-?\\d+\\+-?\\d+\\s+\\+(-?\\d+)\\+(-?\\d+)\\s*$")
                    .matcher(line);
            if (inPanel && m.find()) {
                int w = Integer.parseInt(m.group(1));
                int h = Integer.parseInt(m.group(2));
                if (w >= 16 && h >= 16 && w <= 64) {
                    icons.add(new Rectangle(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), w, h));
                }
            }
        }
        return icons;
    }

    BufferedImage screenshot(Path file) throws IOException, InterruptedException {
        Result r = x("import", "-window", "root", file.toString());
        if (r.code() != 0) {
            throw new IOException("import failed: " + r.out());
        }
        return ImageIO.read(file.toFile());
    }

    /** Only {@code r} of the screen: much quicker than the whole screen when polling. */
    BufferedImage screenshot(Path file, Rectangle r) throws IOException, InterruptedException {
        Result res = x("import", "-window", "root", "-crop", r.width + "x" + r.height + "+" + r.x + "+" + r.y,
                "+repage", file.toString());
        if (res.code() != 0) {
            throw new IOException("import failed: " + res.out());
        }
        return ImageIO.read(file.toFile());
    }

    void click(int x, int y, int button) throws IOException, InterruptedException {
        // not --sync: it waits (for seconds) when the pointer is already where it should go
        check(x("xdotool", "mousemove", String.valueOf(x), String.valueOf(y), "sleep", "0.1", "click", String.valueOf(button)));
    }

    void type(String text) throws IOException, InterruptedException {
        check(x("xdotool", "type", "--delay", "25", text));
    }

    /**
     * Presses the keys at a person's pace, 150 ms apart: Swing's menus open and move their selection
     * asynchronously, and no window event says when they have.
     */
    void key(String... keys) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("xdotool", "key", "--delay", "150"));
        command.addAll(List.of(keys));
        check(x(command.toArray(String[]::new)));
    }

    record Result(int code, String out) {
    }

    Result x(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out);
        }
        return new Result(p.exitValue(), out);
    }

    private static void check(Result r) throws IOException {
        if (r.code() != 0) {
            throw new IOException("X command failed: " + r.out());
        }
    }

    private static boolean onPath(String tool) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (Path.of(dir, tool).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (trayer != null) {
            trayer.destroy();
        }
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
