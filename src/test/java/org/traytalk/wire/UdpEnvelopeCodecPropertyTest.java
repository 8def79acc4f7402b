package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.RandomCases.bytes;
import static org.traytalk.testing.RandomCases.check;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UdpEnvelopeCodecPropertyTest {

    private final UdpEnvelopeCodec codec = new UdpEnvelopeCodec();

    @Test
    void randomBytesOnlyEverRaiseMalformed() {
        check(5000, r -> decodeOrMalformed(bytes(r, 300)));
    }

    @Test
    void randomBytesAfterAValidPrefixOnlyEverRaiseMalformed() {
        check(5000, r -> {
            byte[] tail = bytes(r, 300);
            byte[] b = new byte[6 + tail.length];
            System.arraycopy(new byte[] {'T', 'T', 'L', 'K', 2, 0}, 0, b, 0, 6);
            System.arraycopy(tail, 0, b, 6, tail.length);
            decodeOrMalformed(b);
        });
    }

    @Test
    void corruptingOneByteOnlyEverRaisesMalformed() {
        check(5000, r -> {
            byte[] b = codec.encode(envelope(r));
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            decodeOrMalformed(b);
        });
    }

    @Test
    void roundTripKeepsEverythingButGroupCase() {
        check(3000, r -> {
            UdpEnvelope e = envelope(r);
            byte[] b = codec.encode(e);
            try {
                assertThat(codec.decode(b, 0, b.length)).isEqualTo(new UdpEnvelope(e.instanceId(),
                        e.group().toUpperCase(Locale.ROOT), e.frame()));
            } catch (MalformedMessageException ex) {
                throw new AssertionError(ex.getMessage(), ex);
            }
        });
    }

    private void decodeOrMalformed(byte[] b) {
        try {
            UdpEnvelope e = codec.decode(b, 0, b.length);
            assertThat(codec.encode(e)).hasSizeLessThanOrEqualTo(b.length);
        } catch (MalformedMessageException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static UdpEnvelope envelope(SplittableRandom r) {
        long id;
        do {
            id = r.nextLong();
        } while (id == 0);
        StringBuilder group = new StringBuilder();
        for (int n = 1 + r.nextInt(64); n > 0; n--) {
            group.append((char) r.nextInt('!', '~' + 1));
        }
        byte[] frame = new byte[1 + r.nextInt(400)];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) r.nextInt(256);
        }
        return new UdpEnvelope(id, group.toString(), frame);
    }
}
