package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class UdpEnvelopeCodecProperties {

    private final UdpEnvelopeCodec codec = new UdpEnvelopeCodec();

    @Property
    void randomBytesOnlyEverRaiseMalformed(@ForAll @Size(max = 300) byte[] bytes) {
        decodeOrMalformed(bytes);
    }

    @Property
    void randomBytesAfterAValidPrefixOnlyEverRaiseMalformed(@ForAll @Size(max = 300) byte[] tail) {
        byte[] b = new byte[6 + tail.length];
        System.arraycopy(new byte[] {'T', 'T', 'L', 'K', 1, 1}, 0, b, 0, 6);
        System.arraycopy(tail, 0, b, 6, tail.length);
        decodeOrMalformed(b);
    }

    @Property
    void corruptingOneByteOnlyEverRaisesMalformed(@ForAll("envelopes") UdpEnvelope e,
                                                  @ForAll int position, @ForAll byte value) {
        byte[] b = codec.encode(e);
        b[Math.floorMod(position, b.length)] = value;
        decodeOrMalformed(b);
    }

    @Property
    void roundTripKeepsEverythingButGroupCase(@ForAll("envelopes") UdpEnvelope e) throws MalformedMessageException {
        byte[] b = codec.encode(e);
        UdpEnvelope back = codec.decode(b, 0, b.length);
        assertThat(back).isEqualTo(new UdpEnvelope(e.instanceId(), e.group().toUpperCase(Locale.ROOT),
                e.recipient(), e.message()));
    }

    private void decodeOrMalformed(byte[] b) {
        try {
            UdpEnvelope e = codec.decode(b, 0, b.length);
            assertThat(codec.encode(e)).hasSizeLessThanOrEqualTo(b.length);
        } catch (MalformedMessageException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<UdpEnvelope> envelopes() {
        Arbitrary<Long> ids = Arbitraries.longs().filter(id -> id != 0);
        Arbitrary<String> groups = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(64);
        Arbitrary<String> recipients = Arbitraries.oneOf(Arbitraries.just("*"),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('À', 'ÿ')
                        .withCharRange('А', 'я').withCharRange('一', '龥')
                        .ofMinLength(1).ofMaxLength(40)
                        .filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= 96));
        Arbitrary<byte[]> messages = Arbitraries.bytes().array(byte[].class).ofMinSize(38).ofMaxSize(400);
        return Combinators.combine(ids, groups, recipients, messages).as(UdpEnvelope::new);
    }
}
