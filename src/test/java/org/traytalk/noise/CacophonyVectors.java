package org.traytalk.noise;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.traytalk.crypto.X25519;
import org.traytalk.crypto.X25519KeyPair;

/** The cacophony vectors for 25519 / ChaChaPoly / SHA256 (see src/test/resources/noise/README.md). */
final class CacophonyVectors {
    private static final HexFormat HEX = HexFormat.of();

    /** One handshake: both sides' fixed inputs, the messages in order, and the final handshake hash. */
    record Vector(String protocolName, Side initiator, Side responder, byte[] handshakeHash, List<Message> messages) {
        @Override
        public String toString() {
            return protocolName;
        }
    }

    /** One side's inputs; keys absent from the file are null, psks an empty list. */
    record Side(byte[] prologue, byte[] ephemeral, byte[] localStatic, byte[] remoteStatic, List<byte[]> psks) {
        X25519KeyPair localStaticPair() {
            return localStatic == null ? null : X25519.keyPair(localStatic);
        }

        /** Hands out the file's ephemeral key once; a second request (or one where the file has none) fails. */
        Supplier<X25519KeyPair> ephemeralSource() {
            boolean[] used = {false};
            return () -> {
                if (ephemeral == null || used[0]) {
                    throw new AssertionError("ephemeral key asked for "
                            + (used[0] ? "twice" : "but the vector has none"));
                }
                used[0] = true;
                return X25519.keyPair(ephemeral);
            };
        }
    }

    record Message(byte[] payload, byte[] ciphertext) {
    }

    private CacophonyVectors() {
    }

    static List<Vector> load() throws IOException {
        try (InputStream in = CacophonyVectors.class.getResourceAsStream(
                "/noise/cacophony-25519-chachapoly-sha256.json")) {
            if (in == null) {
                throw new IOException("noise/cacophony-25519-chachapoly-sha256.json is not on the test class path");
            }
            Map<?, ?> root = (Map<?, ?>) JsonReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return ((List<?>) root.get("vectors")).stream().map(v -> vector((Map<?, ?>) v)).toList();
        }
    }

    private static Vector vector(Map<?, ?> v) {
        List<Message> messages = ((List<?>) v.get("messages")).stream()
                .map(m -> (Map<?, ?>) m)
                .map(m -> new Message(hex(m, "payload"), hex(m, "ciphertext")))
                .toList();
        return new Vector((String) v.get("protocol_name"), side(v, "init_"), side(v, "resp_"), hex(v, "handshake_hash"),
                messages);
    }

    private static Side side(Map<?, ?> v, String prefix) {
        List<?> psks = (List<?>) v.get(prefix + "psks");
        return new Side(hex(v, prefix + "prologue"), hex(v, prefix + "ephemeral"), hex(v, prefix + "static"),
                hex(v, prefix + "remote_static"),
                psks == null ? List.of() : psks.stream().map(p -> HEX.parseHex((String) p)).toList());
    }

    private static byte[] hex(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : HEX.parseHex((String) value);
    }
}
