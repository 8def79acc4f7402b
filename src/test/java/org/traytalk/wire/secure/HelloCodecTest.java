package org.traytalk.wire.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.wire.Bytes.concat;
import static org.traytalk.wire.Bytes.hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.traytalk.wire.MalformedMessageException;

class HelloCodecTest {
    private final HelloCodec codec = new HelloCodec();

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static final Hello HELLO = new Hello(42, filled(32, 0x5E), "BOB", filled(64, 0x51));
    private static final byte[] GOLDEN = concat(
            hex("00 00 00 00 00 00 00 2a"),   // 0  sequence 42
            filled(32, 0x5E),                 // 8  signing key
            hex("03 42 4f 42"),               // 40 name "BOB"
            filled(64, 0x51));                // 44 signature

    @Test
    void encodesAndDecodesGoldenBytes() throws MalformedMessageException {
        assertThat(codec.encode(HELLO)).containsExactly(GOLDEN);
        assertThat(codec.decode(GOLDEN)).isEqualTo(HELLO);
    }

    @Test
    void theSignatureBindsTheGroupAndBothStaticKeys() {
        byte[] initiator = filled(32, 1);
        byte[] responder = filled(32, 2);
        assertThat(HelloCodec.signedBytes(HELLO, "foxapp", initiator, responder)).containsExactly(concat(
                "TrayTalk hello 1".getBytes(StandardCharsets.US_ASCII), hex("06"),
                "FOXAPP".getBytes(StandardCharsets.US_ASCII), initiator, responder,
                Arrays.copyOf(GOLDEN, GOLDEN.length - 64)));
        assertThat(HelloCodec.signedBytes(HELLO, "foxapp", responder, initiator))
                .isNotEqualTo(HelloCodec.signedBytes(HELLO, "foxapp", initiator, responder));
    }

    @Test
    void truncatedOrTrailingBytesAreRefused() {
        for (int length = 0; length < GOLDEN.length; length++) {
            byte[] cut = Arrays.copyOf(GOLDEN, length);
            assertThatThrownBy(() -> codec.decode(cut)).isInstanceOf(MalformedMessageException.class);
        }
        assertThatThrownBy(() -> codec.decode(concat(GOLDEN, hex("00")))).hasMessageContaining("after the signature");
    }
}
