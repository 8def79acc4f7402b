package org.traytalk.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds golden byte arrays from readable parts in tests. */
public final class Bytes {

    private Bytes() {
    }

    /** Parses hex such as "48 4f 53"; whitespace is ignored. */
    public static byte[] hex(String hex) {
        String digits = hex.replaceAll("\\s+", "");
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] repeat(char c, int count) {
        return ascii(String.valueOf(c).repeat(count));
    }
}
