package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.RandomCases.bytes;
import static org.traytalk.testing.RandomCases.check;
import static org.traytalk.testing.RandomCases.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties over thousands of random inputs: decoding never fails any other way than Malformed; round trips. */
class FoxMessageCodecPropertyTest {

    private final FoxMessageCodec codec = new FoxMessageCodec(Charset.forName("windows-1252"));

    @Test
    void randomBytesDecodeOrFailWithMalformedOnly() {
        check(5000, r -> {
            byte[] b = bytes(r, 300);
            decodeOrMalformed(b, 0, b.length);
        });
    }

    @Test
    void randomRegionsDecodeOrFailWithMalformedOnly() {
        check(3000, r -> {
            byte[] b = bytes(r, 120);
            int offset = Math.min(r.nextInt(121), b.length);
            decodeOrMalformed(b, offset, Math.min(r.nextInt(121), b.length - offset));
        });
    }

    /** Random bytes rarely get past the flags; damaging valid messages reaches the id and text paths too. */
    @Test
    void damagedValidMessagesDecodeOrFailWithMalformedOnly() {
        check(5000, r -> {
            byte[] b = codec.encode(message(r), StandardCharsets.UTF_8);
            for (int hits = 1 + r.nextInt(3); hits > 0; hits--) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            decodeOrMalformed(b, 0, Math.min(r.nextInt(301), b.length));
        });
    }

    @Test
    void utf8RoundTrip() {
        check(3000, r -> {
            FoxMessage m = message(r);
            try {
                assertThat(codec.decode(codec.encode(m, StandardCharsets.UTF_8))).isEqualTo(m);
            } catch (MalformedMessageException e) {
                throw new AssertionError(m + ": " + e.getMessage(), e);
            }
        });
    }

    @Test
    void encodedLayoutHasFixedHeader() {
        check(2000, r -> {
            FoxMessage m = message(r);
            byte[] b = codec.encode(m, StandardCharsets.UTF_8);
            assertThat(b).hasSize(FoxMessage.HEADER_BYTES + WireText.encodedLength(m.body(), StandardCharsets.UTF_8));
            assertThat(new String(b, 24, 12, StandardCharsets.US_ASCII).strip()).isEqualTo(Integer.toString(m.id()));
        });
    }

    private void decodeOrMalformed(byte[] bytes, int offset, int length) {
        try {
            FoxMessage m = codec.decode(bytes, offset, length);
            assertThat(m.sender()).isNotBlank();
        } catch (MalformedMessageException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            assertThat(expected.offset()).isBetween(0, FoxMessage.HEADER_BYTES);
        }
    }

    /** Senders as a decoder accepts them: 1..24 UTF-8 bytes, no blanks at either end, nothing invisible. */
    static FoxMessage message(SplittableRandom r) {
        String sender;
        do {
            sender = text(r, 24);
        } while (!isRoundTrippableSender(sender));
        return new FoxMessage(sender, r.nextInt(), r.nextBoolean(), r.nextBoolean(), text(r, 120));
    }

    private static boolean isRoundTrippableSender(String s) {
        return PeerNames.problem(s) == null;
    }
}
