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
public final class XDesktop implements AutoCloseable {
    static final List<String> TOOLS = List.of("Xvfb", "trayer", "xdotool", "import", "xwininfo");

    private final Process xvfb;
    private final String display;
    private Process trayer;

    private XDesktop(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /** Null when every tool is installed, else which are missing. */
    public static String unavailableReason() {
        List<String> missing = TOOLS.stream().filter(t -> !onPath(t)).toList();
        return missing.isEmpty() ? null : "missing " + String.join(", ", missing)
                + " (apt-get install xvfb trayer xdotool imagemagick x11-utils)";
    }

    /**
     * A fresh Xvfb and, when asked, {@code trayer} with its panel shown. The server never resets ({@code -noreset}):
     * by default it starts over whenever its last client leaves, which the probes of a test do before the app
     * connects, and a client connecting meanwhile can be turned away.
     */
    public static XDesktop start(boolean withTray) throws IOException, InterruptedException {
        Process x = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp",
                "-noreset").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII));
        String number = r.readLine(); // -displayfd: Xvfb picks a free display and writes its number when ready
        if (number == null || !number.strip().matches("\\d+")) {
            x.destroyForcibly();
            throw new IOException("Xvfb did not start (it printed " + number + ")");
        }
        XDesktop desktop = new XDesktop(x, ":" + number.strip());
        if (withTray) {
            try {
                desktop.startTrayer();
            } catch (IOException | RuntimeException | Error e) {
                desktop.close(); // no Xvfb or trayer outlives a failed start
                throw e;
            }
        }
        return desktop;
    }

    /**
     * trayer, until its panel shows. Now and then an X client is refused here (seen on the shared test machine: about
     * 1 connection in 100 while other desktops start; trayer then says "cannot open display" and exits), so a trayer
     * that exited before showing its panel is started again, twice at most.
     */
    private void startTrayer() throws IOException {
        ProcessBuilder tray = new ProcessBuilder("trayer", "--edge", "top", "--align", "right", "--widthtype",
                "pixel", "--width", "160", "--height", "32", "--SetDockType", "true", "--transparent", "false",
                "--tint", "0x303030").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        tray.environment().putAll(env());
        for (int start = 1; start <= 3; start++) {
            Process started = tray.start();
            trayer = started;
            // a loaded CI machine once took more than 10 s; an empty answer means trayer exited first
            Optional<String> panel = Eventually.find("trayer's panel", Duration.ofSeconds(20), Duration.ofMillis(100),
                    () -> started.isAlive() ? windows("panel").stream().findFirst().map(Optional::of)
                            : Optional.of(Optional.<String>empty()), () -> "");
            if (panel.isPresent()) {
                return;
            }
            System.err.println("[xdesktop] trayer exited (" + started.exitValue() + ") before its panel showed on "
                    + display + ", start " + start + " of 3");
        }
        throw new AssertionError("trayer exited three times before its panel showed on " + display);
    }

    /** Starts {@code command} with this desktop's environment; a map so callers can add to it. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", display);
        env.put("DBUS_SESSION_BUS_ADDRESS", "disabled:"); // no D-Bus or accessibility daemons outliving the test
        env.put("NO_AT_BRIDGE", "1");
        return env;
    }

    public String display() {
        return display;
    }

    /**
     * Window ids whose title matches the regular expression (xdotool search --name). Only the ids: xdotool also
     * prints an X error when a window goes away while it searches ("BadWindow"), which is no window.
     */
    public List<String> windows(String nameRegex) throws IOException, InterruptedException {
        Result r = x("xdotool", "search", "--onlyvisible", "--name", nameRegex);
        return r.out().lines().map(String::strip).filter(s -> s.matches("\\d+")).toList();
    }

    public String awaitWindow(String nameRegex, long millis) {
        return Eventually.find("a window named like '" + nameRegex + "'", Duration.ofMillis(millis),
                Duration.ofMillis(100), () -> windows(nameRegex).stream().findFirst(), () -> "");
    }

    public Rectangle geometry(String window) throws IOException, InterruptedException {
        return geometryIfShown(window).orElseThrow(() -> new AssertionError("window " + window + " has no geometry"));
    }

    /** Empty when the window is gone or not (yet) able to say where it is. */
    public Optional<Rectangle> geometryIfShown(String window) throws IOException, InterruptedException {
        Map<String, Integer> v = new HashMap<>();
        for (String line : x("xdotool", "getwindowgeometry", "--shell", window).out().split("\n")) {
            String[] kv = line.split("=");
            if (kv.length == 2 && kv[1].strip().matches("-?\\d+")) {
                v.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
            }
        }
        if (!v.keySet().containsAll(List.of("X", "Y", "WIDTH", "HEIGHT"))) {
            return Optional.empty();
        }
        return Optional.of(new Rectangle(v.get("X"), v.get("Y"), v.get("WIDTH"), v.get("HEIGHT")));
    }

    /** Windows embedded in the tray host's panel (the icons), from {@code xwininfo -tree}. */
    public List<Rectangle> trayIcons() throws IOException, InterruptedException {
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

    public BufferedImage screenshot(Path file) throws IOException, InterruptedException {
        Result r = x("import", "-window", "root", file.toString());
        if (r.code() != 0) {
            throw new IOException("import failed: " + r.out());
        }
        return ImageIO.read(file.toFile());
    }

    /** Only {@code r} of the screen: much quicker than the whole screen when polling. */
    public BufferedImage screenshot(Path file, Rectangle r) throws IOException, InterruptedException {
        Result res = x("import", "-window", "root", "-crop", r.width + "x" + r.height + "+" + r.x + "+" + r.y,
                "+repage", file.toString());
        if (res.code() != 0) {
            throw new IOException("import failed: " + res.out());
        }
        return ImageIO.read(file.toFile());
    }

    /**
     * Clicks the tray icon until its menu shows (a tray may not hear the very first press after start-up): a menu
     * is a light area below and left of the icon, larger than the tooltip. False when it did not open.
     */
    public boolean openMenu(Rectangle icon, Path scratch) throws IOException, InterruptedException {
        Rectangle menuBody = new Rectangle(icon.x - 160, icon.y + icon.height + 40, 120, 100);
        Rectangle all = new Rectangle(0, 0, menuBody.width, menuBody.height);
        BufferedImage closed = screenshot(scratch.resolve("menu-before.png"), menuBody);
        for (int attempt = 0; attempt < 3; attempt++) {
            click(icon.x + icon.width / 2, icon.y + icon.height / 2, 3);
            try { // 3 s: long enough not to click it shut again
                Eventually.until("the tray menu", Duration.ofSeconds(3), Duration.ofMillis(150), () -> {
                    BufferedImage now = screenshot(scratch.resolve("menu-probe.png"), menuBody);
                    return changed(closed, now, all) > all.width * all.height / 2
                            && lightPixels(now, all) > all.width * all.height / 2;
                }, () -> "");
                return true;
            } catch (AssertionError notYet) {
                // the first press after start-up went unheard: press again
            }
        }
        return false;
    }

    static int changed(BufferedImage a, BufferedImage b, Rectangle r) {
        int n = 0;
        for (int y = Math.max(0, r.y); y < Math.min(a.getHeight(), r.y + r.height); y++) {
            for (int x = Math.max(0, r.x); x < Math.min(a.getWidth(), r.x + r.width); x++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    /** Pixels of the brand blue (#1479C9 and its shades) inside {@code r}. */
    static int bluePixels(BufferedImage img, Rectangle r) {
        return count(img, r, (red, green, blue) -> blue > 150 && red < 90 && green > 70 && green < 170);
    }

    /** Pixels of the unread mark's red (#F0401F and its shades) inside {@code r}. */
    static int redPixels(BufferedImage img, Rectangle r) {
        return count(img, r, (red, green, blue) -> red > 200 && green < 110 && blue < 90);
    }

    static int lightPixels(BufferedImage img, Rectangle r) {
        return count(img, r, (red, green, blue) -> red + green + blue > 500);
    }

    interface Rgb {
        boolean test(int r, int g, int b);
    }

    static int count(BufferedImage img, Rectangle r, Rgb match) {
        int n = 0;
        for (int y = Math.max(0, r.y); y < Math.min(img.getHeight(), r.y + r.height); y++) {
            for (int x = Math.max(0, r.x); x < Math.min(img.getWidth(), r.x + r.width); x++) {
                int p = img.getRGB(x, y);
                if (match.test((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff)) {
                    n++;
                }
            }
        }
        return n;
    }

    public void click(int x, int y, int button) throws IOException, InterruptedException {
        // --sync waits until the pointer has moved, and so for seconds when it is there already: then it is not moved
        String there = "X=" + x + "\nY=" + y + "\n";
        if (!x("xdotool", "getmouselocation", "--shell").out().startsWith(there)) {
            check(x("xdotool", "mousemove", "--sync", String.valueOf(x), String.valueOf(y)));
        }
        check(x("xdotool", "click", String.valueOf(button)));
    }

    public void type(String text) throws IOException, InterruptedException {
        check(x("xdotool", "type", "--delay", "25", text));
    }

    /**
     * Presses the keys at a person's pace, 150 ms apart: Swing's menus open and move their selection
     * asynchronously, and no window event says when they have.
     */
    public void key(String... keys) throws IOException, InterruptedException {
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
