package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.traytalk.wire.Bytes.ascii;
import static org.traytalk.wire.Bytes.concat;
import static org.traytalk.wire.Bytes.hex;
import static org.traytalk.wire.Bytes.repeat;

import java.nio.charset.Charset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FoxMessageCodecMalformedTest {

    private final FoxMessageCodec codec = new FoxMessageCodec(Charset.forName("windows-1252"));

    private static byte[] withId(String id12) {
        return concat(ascii("HOSTA"), repeat(' ', 19), ascii(id12), ascii("10"), ascii("hi"));
    }

    private MalformedMessageException decodeFailure(byte[] bytes) {
        return catchThrowableOfType(MalformedMessageException.class, () -> codec.decode(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "            ",   // all spaces: no digits
        "           -",   // sign only
        "        12a3",   // letter
        "123         ",   // left-aligned: STR never writes trailing spaces
        "     12 345 ",   // inner space
        "        +123",   // STR never writes a plus sign
        "      --1234",   // double sign
        "  2147483648",   // int max + 1
        " -2147483649",   // int min - 1
        "999999999999",   // twelve digits
        "       1.000",   // decimal point
    })
    void idOtherThanSpacesSignDigitsInIntRangeIsMalformed(String id) {
        MalformedMessageException e = decodeFailure(withId(id));
        assertThat(e).isNotNull();
        assertThat(e.offset()).isEqualTo(24);
        assertThat(e.getMessage()).contains("message id").contains("offset 24").contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "                        ",                       // all spaces
        "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", // all NULs
        "  \0 \0 \0                 ",                  // spaces and NULs mixed
        "\t\t                      ",                     // whitespace only
    })
    void blankSenderIsMalformed(String sender24) {
        assertThat(sender24).hasSize(24);
        MalformedMessageException e = decodeFailure(concat(ascii(sender24), ascii("           1"), ascii("10")));
        assertThat(e).isNotNull();
        assertThat(e.offset()).isZero();
        assertThat(e.getMessage()).contains("sender").contains("offset 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", " ", "T", "\0"})
    void confirmationFlagOtherThanZeroOrOneIsMalformed(String flag) {
        byte[] bytes = concat(ascii("HOSTA"), repeat(' ', 19), ascii("           1"), ascii(flag + "0"));
        MalformedMessageException e = decodeFailure(bytes);
        assertThat(e).isNotNull();
        assertThat(e.offset()).isEqualTo(36);
        assertThat(e.getMessage()).contains("confirmation flag").contains("offset 36");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", " ", "F", "\0"})
    void systemFlagOtherThanZeroOrOneIsMalformed(String flag) {
        byte[] bytes = concat(ascii("HOSTA"), repeat(' ', 19), ascii("           1"), ascii("0" + flag));
        MalformedMessageException e = decodeFailure(bytes);
        assertThat(e).isNotNull();
        assertThat(e.offset()).isEqualTo(37);
        assertThat(e.getMessage()).contains("system flag").contains("offset 37");
    }

    /**
     * Names that would look like another peer's, or like nothing: refused at decode, so they are never keyed. Each is
     * the 24-byte sender field as sent, padded with spaces; the rest is a valid header.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "42 4f 42 e2 80 ae 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20", // "BOB" U+202E right-to-left override
        "42 4f e2 80 8b 42 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20", // "BO" U+200B zero-width space "B"
        "ef bb bf 42 4f 42 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20", // U+FEFF byte-order mark "BOB"
        "42 4f e2 81 a6 42 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20", // "BO" U+2066 isolate "B"
        "42 4f 42 07 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20", // "BOB" BEL
        "42 4f 42 c2 85 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20", // "BOB" U+0085 (C1 control, UTF-8)
        "42 4f 42 0a 41 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20", // "BOB" line feed "A"
        "20 42 4f 42 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20", // leading space "BOB"
    })
    void senderThatIsInvisibleOrLooksLikeAnotherIsMalformed(String sender24) {
        byte[] field = hex(sender24);
        assertThat(field).hasSize(24);
        MalformedMessageException e = decodeFailure(concat(field, ascii("           1"), ascii("10"), ascii("hi")));
        assertThat(e).isNotNull();
        assertThat(e.offset()).isZero();
        assertThat(e.getMessage()).startsWith("sender (offset 0, 24 bytes): a name");
    }
}
