package org.traytalk.bench;

import java.awt.image.BufferedImage;

/**
 * How many pixels of a screen area are TrayTalk blue (the bubble), light (a window in the light theme) or dark
 * (text, or the bare black screen of Xvfb). What the benchmark's probe decides "painted" from.
 */
record PixelCounts(int blue, int light, int dark, int total) {

    static PixelCounts of(BufferedImage image) {
        int blue = 0;
        int light = 0;
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (b > 127 && r < 102) {
                    blue++;
                }
                int gray = (r * 30 + g * 59 + b * 11) / 100;
                if (gray > 204) {
                    light++;
                } else if (gray < 90) {
                    dark++;
                }
            }
        }
        return new PixelCounts(blue, light, dark, image.getWidth() * image.getHeight());
    }

    /** A tray icon is drawn: the bubble's blue covers at least {@code minBlue} pixels. */
    boolean iconDrawn(int minBlue) {
        return blue >= minBlue;
    }

    /** A light window covers most of the area and text is drawn on it (a mapped but unpainted window has none). */
    boolean windowPainted() {
        return light * 2 > total && dark * 200 > total;
    }

    /** Nothing light left: the window is gone (Xvfb's screen without a window manager is black). */
    boolean windowGone() {
        return light * 20 < total;
    }
}
