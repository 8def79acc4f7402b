package org.traytalk.tray.desktop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.traytalk.tray.model.IconState;

/** The icon images shipped in the jar (generated from {@code icons/src} by {@code icons/generate.sh}). */
final class TrayIcons {
    static final int[] TRAY_SIZES = {16, 22, 24, 32, 48, 64};
    static final int[] APP_SIZES = {16, 20, 24, 32, 40, 48, 64, 128, 256};
    private static final String FOLDER = "/org/traytalk/tray/icons/";

    private final Map<IconState, TreeMap<Integer, BufferedImage>> tray = new EnumMap<>(IconState.class);
    private final List<BufferedImage> app = new ArrayList<>();

    /** Reads every image; a missing one means a broken build, said plainly. */
    static TrayIcons load() {
        TrayIcons icons = new TrayIcons();
        for (IconState state : IconState.values()) {
            TreeMap<Integer, BufferedImage> bySize = new TreeMap<>();
            for (int size : TRAY_SIZES) {
                bySize.put(size, read("tray-" + fileState(state) + "-" + size + ".png"));
            }
            icons.tray.put(state, bySize);
        }
        for (int size : APP_SIZES) {
            icons.app.add(read("app-" + size + ".png"));
        }
        return icons;
    }

    /** The tray image for {@code state} drawn for {@code pixels} (the next larger size, or the largest). */
    BufferedImage tray(IconState state, int pixels) {
        TreeMap<Integer, BufferedImage> bySize = tray.get(state);
        Map.Entry<Integer, BufferedImage> e = bySize.ceilingEntry(Math.max(1, pixels));
        return (e != null ? e : bySize.lastEntry()).getValue();
    }

    /** Every size of the application icon, for window title bars and task switchers (HiDPI picks a larger one). */
    List<BufferedImage> app() {
        return List.copyOf(app);
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
