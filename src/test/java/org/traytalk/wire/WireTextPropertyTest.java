package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.traytalk.testing.RandomCases.bytes;
import static org.traytalk.testing.RandomCases.check;
import static org.traytalk.testing.RandomCases.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTextPropertyTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private final WireText wireText = new WireText(CP1252);

    @Test
    void chunksRespectTheLimitAndJoinToTheOriginal() {
        check(2000, r -> {
            String original = text(r, 400);
            Charset charset = r.nextBoolean() ? StandardCharsets.UTF_8 : CP1252;
            int maxBytes = r.nextInt(4, 261);
            List<String> chunks = WireText.split(original, charset, maxBytes);
            assertThat(String.join("", chunks)).isEqualTo(original);
            assertThat(chunks).allSatisfy(chunk -> {
                assertThat(chunk).isNotEmpty();
                assertThat(WireText.encodedLength(chunk, charset)).isLessThanOrEqualTo(maxBytes);
                assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
                assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).isFalse();
            });
        });
    }

    @Test
    void chunksAreGreedy() {
        check(2000, r -> {
            String original = text(r, 400);
            int maxBytes = r.nextInt(4, 261);
            List<String> chunks = WireText.split(original, StandardCharsets.UTF_8, maxBytes);
            // Every chunk but the last is full: adding the next code point would cross the limit.
            for (int i = 0; i + 1 < chunks.size(); i++) {
                String next = chunks.get(i + 1);
                String grown = chunks.get(i) + next.substring(0, next.offsetByCodePoints(0, 1));
                assertThat(WireText.encodedLength(grown, StandardCharsets.UTF_8)).isGreaterThan(maxBytes);
            }
        });
    }

    @Test
    void anyBytesDecodeWithoutException() {
        check(3000, r -> assertThat(wireText.decode(bytes(r, 300))).isNotNull());
    }

    @Test
    void validUtf8IsDecodedAsUtf8() {
        check(2000, r -> {
            String original = text(r, 400);
            assertThat(wireText.decode(original.getBytes(StandardCharsets.UTF_8))).isEqualTo(original);
        });
    }
}
