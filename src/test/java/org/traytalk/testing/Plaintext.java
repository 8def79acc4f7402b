package org.traytalk.testing;

import java.nio.charset.StandardCharsets;

/** Looks for text in bytes that went over a wire: what an eavesdropper would search a capture for. */
public final class Plaintext {
    private Plaintext() {
    }

    /** True when {@code bytes} hold {@code text} in UTF-8 (which is ASCII for ASCII text) anywhere. */
    public static boolean in(byte[] bytes, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
