package org.traytalk.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The short code people compare to check a TrayTalk identity: 23 characters of base32 taken from the hash of the
 * identity's public keys (115 bits), then one check character (Luhn mod 32), written in six groups of four, e.g.
 * {@code QX7M-2KDA-P4TB-W9... }. Typed codes are read case-insensitively; spaces and dashes are ignored.
 */
public record Fingerprint(String code) {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final int DATA_CHARS = 23;
    static final int GROUP = 4;

    public Fingerprint {
        Objects.requireNonNull(code, "code");
        String compact = compact(code);
        if (compact.length() != DATA_CHARS + 1 || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("a fingerprint has " + (DATA_CHARS + 1)
                    + " characters A-Z and 2-7: " + code);
        }
        if (checkCharacter(compact.substring(0, DATA_CHARS)) != compact.charAt(DATA_CHARS)) {
            throw new IllegalArgumentException("the fingerprint " + code + " has a typing error (its check character"
                    + " does not match)");
        }
        code = grouped(compact);
    }

    /** The fingerprint of a digest of at least 15 bytes (the first 115 bits are used). */
    public static Fingerprint of(byte[] digest) {
        if (digest.length * 8 < DATA_CHARS * 5) {
            throw new IllegalArgumentException("digest of " + digest.length + " bytes is too short for a fingerprint");
        }
        StringBuilder data = new StringBuilder(DATA_CHARS);
        for (int i = 0; i < DATA_CHARS; i++) {
            data.append(ALPHABET.charAt(bits(digest, i * 5)));
        }
        return new Fingerprint(data.toString() + checkCharacter(data));
    }

    /** A code as a person typed it; throws IllegalArgumentException saying what is wrong with it. */
    public static Fingerprint parse(String typed) {
        return new Fingerprint(typed);
    }

    @Override
    public String toString() {
        return code;
    }

    private static int bits(byte[] digest, int bitOffset) {
        int value = 0;
        for (int b = bitOffset; b < bitOffset + 5; b++) {
            value = (value << 1) | ((digest[b / 8] >> (7 - b % 8)) & 1);
        }
        return value;
    }

    private static String compact(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static String grouped(String compact) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < compact.length(); i += GROUP) {
            if (i > 0) {
                out.append('-');
            }
            out.append(compact, i, Math.min(compact.length(), i + GROUP));
        }
        return out.toString();
    }

    /** Luhn mod N over the base32 alphabet: catches any single wrong character and most swapped neighbours. */
    static char checkCharacter(CharSequence data) {
        int n = ALPHABET.length();
        int factor = 2;
        int sum = 0;
        for (int i = data.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(data.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return ALPHABET.charAt((n - sum % n) % n);
    }
}
