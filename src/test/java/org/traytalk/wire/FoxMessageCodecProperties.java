package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FoxMessageCodecProperties {

    private final FoxMessageCodec codec = new FoxMessageCodec(Charset.forName("windows-1252"));

    @Property(tries = 2000)
    void randomBytesDecodeOrFailWithMalformedOnly(@ForAll @Size(max = 300) byte[] bytes) {
        decodeOrMalformed(bytes, 0, bytes.length);
    }

    @Property(tries = 2000)
    void randomRegionsDecodeOrFailWithMalformedOnly(@ForAll @Size(max = 120) byte[] bytes,
                                                    @ForAll @IntRange(max = 120) int from,
                                                    @ForAll @IntRange(max = 120) int size) {
        int offset = Math.min(from, bytes.length);
        decodeOrMalformed(bytes, offset, Math.min(size, bytes.length - offset));
    }

    /** Random bytes rarely get past the flags; damaging valid messages reaches the id and text paths too. */
    @Property(tries = 2000)
    void damagedValidMessagesDecodeOrFailWithMalformedOnly(@ForAll("messages") FoxMessage m,
                                                          @ForAll @IntRange(max = 300) int position,
                                                          @ForAll byte value,
                                                          @ForAll @IntRange(max = 300) int keep) {
        byte[] bytes = codec.encode(m, StandardCharsets.UTF_8);
        bytes[position % bytes.length] = value;
        decodeOrMalformed(bytes, 0, Math.min(keep, bytes.length));
    }

    @Property(tries = 1000)
    void utf8RoundTrip(@ForAll("messages") FoxMessage m) throws MalformedMessageException {
        assertThat(codec.decode(codec.encode(m, StandardCharsets.UTF_8))).isEqualTo(m);
    }

    @Property(tries = 1000)
    void encodedLayoutHasFixedHeader(@ForAll("messages") FoxMessage m) {
        byte[] bytes = codec.encode(m, StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(FoxMessage.HEADER_BYTES + WireText.encodedLength(m.body(), StandardCharsets.UTF_8));
        assertThat(new String(bytes, 24, 12, StandardCharsets.US_ASCII).strip()).isEqualTo(Integer.toString(m.id()));
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

    @Provide
    Arbitrary<FoxMessage> messages() {
        Arbitrary<String> sender = TextArbitraries.text(24).filter(FoxMessageCodecProperties::isRoundTrippableSender);
        return Combinators.combine(sender, Arbitraries.integers(), Arbitraries.of(true, false),
                Arbitraries.of(true, false), TextArbitraries.text(120)).as(FoxMessage::new);
    }

    // The decoder trims trailing spaces/NULs; the brief's senders also have no leading spaces.
    private static boolean isRoundTrippableSender(String s) {
        int bytes = WireText.encodedLength(s, StandardCharsets.UTF_8);
        return bytes >= 1 && bytes <= FoxMessage.SENDER_BYTES && !s.isBlank()
                && s.charAt(0) != ' ' && s.charAt(s.length() - 1) != ' ' && s.charAt(s.length() - 1) != 0;
    }
}
