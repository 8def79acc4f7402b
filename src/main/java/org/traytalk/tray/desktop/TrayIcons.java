package org.traytalk.tray.desktop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.traytalk.tray.model.IconState;

/**
 * The icon images shipped in the jar (generated from {@code icons/src} by {@code icons/generate.sh}), each read the
 * first time it is asked for: at start-up only the tray needs one.
 */
final class TrayIcons {
    static final int[] TRAY_SIZES = {16, 22, 24, 32, 48, 64};
    static final int[] APP_SIZES = {16, 20, 24, 32, 40, 48, 64, 128, 256};
    private static final String FOLDER = "/org/traytalk/tray/icons/";

    private final Map<String, BufferedImage> read = new HashMap<>();

    static TrayIcons load() {
        return new TrayIcons();
    }

    /** The tray image for {@code state} drawn for {@code pixels} (the next larger size, or the largest). */
    synchronized BufferedImage tray(IconState state, int pixels) {
        int size = TRAY_SIZES[TRAY_SIZES.length - 1];
        for (int s : TRAY_SIZES) {
            if (s >= pixels) {
                size = s;
                break;
            }
        }
        return image("tray-" + fileState(state) + "-" + size + ".png");
    }

    /** Every size of the application icon, for window title bars and task switchers (HiDPI picks a larger one). */
    synchronized List<BufferedImage> app() {
        List<BufferedImage> app = new ArrayList<>();
        for (int size : APP_SIZES) {
            app.add(image("app-" + size + ".png"));
        }
        return List.copyOf(app);
    }

    /** A missing image means a broken build, said plainly. */
    private BufferedImage image(String name) {
        return read.computeIfAbsent(name, TrayIcons::read);
    }

    static String fileState(IconState state) {
        return state == IconState.ERROR ? "offline" : state.name().toLowerCase(Locale.ROOT);
    }

    private static BufferedImage read(String name) {
        try (InputStream in = TrayIcons.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("The icon " + FOLDER + name + " is missing from the TrayTalk jar");
            }
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new IllegalStateException("The icon " + FOLDER + name + " is not a readable PNG");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the icon " + name, e);
        }
    }
}
