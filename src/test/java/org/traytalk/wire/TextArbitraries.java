package org.traytalk.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Well-formed text (no lone surrogates) mixing ASCII, Latin-1, the rest of the BMP and supplementary planes. */
final class TextArbitraries {

    private TextArbitraries() {
    }

    static Arbitrary<String> codePoint() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(2, Arbitraries.integers().between(0, 0xFF)),
                Tuple.of(2, Arbitraries.integers().between(0x100, 0xFFFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)))
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
            .map(Character::toString);
    }

    static Arbitrary<String> text(int maxCodePoints) {
        return codePoint().list().ofMaxSize(maxCodePoints).map(parts -> String.join("", parts));
    }
}
