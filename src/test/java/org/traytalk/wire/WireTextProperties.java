package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class WireTextProperties {

    private final WireText text = new WireText(Charset.forName("windows-1252"));

    @Property(tries = 1000)
    void chunksRespectTheLimitAndJoinToTheOriginal(@ForAll("texts") String original,
                                                   @ForAll("charsets") Charset charset,
                                                   @ForAll @IntRange(min = 4, max = 260) int maxBytes) {
        List<String> chunks = WireText.split(original, charset, maxBytes);
        assertThat(String.join("", chunks)).isEqualTo(original);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk).isNotEmpty();
            assertThat(WireText.encodedLength(chunk, charset)).isLessThanOrEqualTo(maxBytes);
            assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).isFalse();
        });
    }

    @Property(tries = 1000)
    void chunksAreGreedy(@ForAll("texts") String original, @ForAll @IntRange(min = 4, max = 260) int maxBytes) {
        List<String> chunks = WireText.split(original, StandardCharsets.UTF_8, maxBytes);
        // Every chunk but the last is full: adding the next code point would cross the limit.
        for (int i = 0; i + 1 < chunks.size(); i++) {
            String next = chunks.get(i + 1);
            String grown = chunks.get(i) + next.substring(0, next.offsetByCodePoints(0, 1));
            assertThat(WireText.encodedLength(grown, StandardCharsets.UTF_8)).isGreaterThan(maxBytes);
        }
    }

    @Property(tries = 1000)
    void anyBytesDecodeWithoutException(@ForAll @Size(max = 300) byte[] bytes) {
        assertThat(text.decode(bytes)).isNotNull();
    }

    @Property(tries = 1000)
    void validUtf8IsDecodedAsUtf8(@ForAll("texts") String original) {
        assertThat(text.decode(original.getBytes(StandardCharsets.UTF_8))).isEqualTo(original);
    }

    @Provide
    Arbitrary<String> texts() {
        return TextArbitraries.text(400);
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(StandardCharsets.UTF_8, Charset.forName("windows-1252"));
    }
}
