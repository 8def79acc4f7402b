package org.traytalk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The WIRE-FACTS test vector, a remote mailslot write as Windows sends it, read from the copy in the test
 * resources ({@code wire/mailslot-write-vector.txt}, which names its source).
 */
public final class WireFactsVector {
    /** Where the message (the FoxPro payload) starts in the datagram. */
    public static final int PAYLOAD_OFFSET = 0xaa;

    private WireFactsVector() {
    }

    /** The whole UDP payload, 0xd5 bytes. */
    public static byte[] datagram() {
        try (InputStream in = WireFactsVector.class.getResourceAsStream("/wire/mailslot-write-vector.txt")) {
            if (in == null) {
                throw new IllegalStateException("wire/mailslot-write-vector.txt is not on the test class path");
            }
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.substring(line.indexOf(' ')).replace(" ", "")) // the offset column goes
                    .collect(Collectors.joining());
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message it carries: "HOSTA" padded to 24, id 123, confirmation requested, not a system message, "hello". */
    public static byte[] payload() {
        byte[] all = datagram();
        return Arrays.copyOfRange(all, PAYLOAD_OFFSET, all.length);
    }
}
