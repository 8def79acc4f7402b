package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.wire.Bytes.hex;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireTextTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Charset UTF8 = StandardCharsets.UTF_8;

    private final WireText text = new WireText(CP1252);

    @Test
    void asciiReadsTheSameEitherWay() {
        assertThat(text.decode(hex("48 69 21"))).isEqualTo("Hi!");
    }

    @Test
    void validUtf8IsReadAsUtf8() {
        assertThat(text.decode(hex("47 72 c3 bc c3 9f 65 20 e2 82 ac f0 9f 98 80"))).isEqualTo("Grüße €😀");
    }

    @Test
    void invalidUtf8IsReadAsTheLegacyCodePage() {
        assertThat(text.decode(hex("47 72 fc df 65 20 80"))).isEqualTo("Grüße €");
    }

    @Test
    void overlongAndSurrogateEncodingsAreNotUtf8() {
        assertThat(text.decode(hex("c0 af"))).isEqualTo("À¯");          // overlong '/'
        assertThat(text.decode(hex("ed a0 80"))).isEqualTo("í\u00A0€"); // encoded surrogate U+D800
    }

    @Test
    void bytesTheCodePageLacksBecomeReplacementCharacters() {
        assertThat(text.decode(hex("41 81 42"))).isEqualTo("A\uFFFDB"); // 0x81 is undefined in windows-1252
    }

    @Test
    void decodesOnlyTheGivenRegion() {
        assertThat(text.decode(hex("ff 41 42 ff"), 1, 2)).isEqualTo("AB");
    }

    @Test
    void encodedLengthCountsBytesNotChars() {
        assertThat(WireText.encodedLength("Grüße €", CP1252)).isEqualTo(7);
        assertThat(WireText.encodedLength("Grüße €", UTF8)).isEqualTo(11);
        assertThat(WireText.encodedLength("😀", UTF8)).isEqualTo(4);
        assertThat(WireText.encodedLength("😀", CP1252)).isEqualTo(1); // unmappable: one '?'
    }

    @Test
    void splitCutsAtTheLimit() {
        assertThat(WireText.split("abcde", CP1252, 2)).containsExactly("ab", "cd", "e");
        assertThat(WireText.split("abcd", CP1252, 2)).containsExactly("ab", "cd");
        assertThat(WireText.split("abc", CP1252, 250)).containsExactly("abc");
    }

    @Test
    void splitNeverCutsACharacterOrSurrogatePair() {
        // "ü" is 2 bytes and "😀" 4 bytes (two chars) in UTF-8.
        assertThat(WireText.split("aü😀b", UTF8, 4)).containsExactly("aü", "😀", "b");
        assertThat(WireText.split("😀😀", UTF8, 7)).containsExactly("😀", "😀");
    }

    @Test
    void splitOfEmptyTextIsEmpty() {
        assertThat(WireText.split("", UTF8, 10)).isEmpty();
    }

    @Test
    void splitRefusesImpossibleLimits() {
        assertThatThrownBy(() -> WireText.split("a", UTF8, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireText.split("a😀", UTF8, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+1F600");
    }
}
