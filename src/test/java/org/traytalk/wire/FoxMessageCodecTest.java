package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.wire.Bytes.ascii;
import static org.traytalk.wire.Bytes.concat;
import static org.traytalk.wire.Bytes.hex;
import static org.traytalk.wire.Bytes.repeat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.traytalk.testing.WireFactsVector;

class FoxMessageCodecTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final Charset UTF8 = StandardCharsets.UTF_8;

    /** Payload of the WIRE-FACTS test vector (UDP offset 0xaa onwards). */
    private static final byte[] TEST_VECTOR = hex(
            "48 4f 53 54 41"                                                  // sender "HOSTA"
            + " 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20"    // 19 spaces of padding to 24
            + " 20 20 20 20 20 20 20 20 20 31 32 33"                          // id STR(123,12)
            + " 31"                                                           // confirmation requested
            + " 30"                                                           // not a system message
            + " 68 65 6c 6c 6f");                                             // body "hello"

    private final FoxMessageCodec codec = new FoxMessageCodec(CP1252);

    @Test
    void theAnnotatedPayloadIsTheWireFactsOne() {
        assertThat(TEST_VECTOR).containsExactly(WireFactsVector.payload());
    }

    @Test
    void encodesTheTestVector() {
        assertThat(codec.encode(FoxMessage.user("HOSTA", 123, "hello"), CP1252)).containsExactly(TEST_VECTOR);
    }

    @Test
    void decodesTheTestVector() throws Exception {
        assertThat(codec.decode(TEST_VECTOR)).isEqualTo(new FoxMessage("HOSTA", 123, true, false, "hello"));
    }

    @Test
    void decodesARegionOfALargerBuffer() throws Exception {
        byte[] buffer = concat(hex("ff ff ff"), TEST_VECTOR, hex("ee ee"));
        assertThat(codec.decode(buffer, 3, TEST_VECTOR.length).body()).isEqualTo("hello");
    }

    @Test
    void emptyBodyIsJustTheHeader() throws Exception {
        byte[] expected = concat(
                ascii("ONLINE"), repeat(' ', 18),   // sender "ONLINE"... any name, padded to 24
                ascii("          42"),              // id 42
                ascii("0"),                         // no confirmation
                ascii("1"));                        // system message, empty body
        FoxMessage m = new FoxMessage("ONLINE", 42, false, true, "");
        assertThat(codec.encode(m, CP1252)).containsExactly(expected).hasSize(38);
        assertThat(codec.decode(expected)).isEqualTo(m);
    }

    @Test
    void senderOfExactly24BytesFillsTheField() throws Exception {
        String sender = "ABCDEFGHIJKLMNOPQRSTUVWX";
        byte[] expected = concat(
                ascii(sender),                      // 24 bytes, no padding
                ascii("           1"),              // id 1
                ascii("1"), ascii("0"),             // flags
                ascii("x"));                        // body
        assertThat(codec.encode(FoxMessage.user(sender, 1, "x"), CP1252)).containsExactly(expected);
        assertThat(codec.decode(expected).sender()).isEqualTo(sender);
    }

    @Test
    void senderOf25BytesIsRefused() {
        FoxMessage m = FoxMessage.user("ABCDEFGHIJKLMNOPQRSTUVWXY", 1, "x");
        assertThatThrownBy(() -> codec.encode(m, CP1252))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("25 bytes").hasMessageContaining("at most 24");
    }

    @Test
    void senderLengthIsCountedInEncodedBytes() {
        String twelveUmlauts = "Ü".repeat(12); // 12 bytes in windows-1252, 24 in UTF-8
        assertThat(codec.encode(FoxMessage.user(twelveUmlauts + "Ü", 1, ""), CP1252)).hasSize(38);
        assertThat(codec.encode(FoxMessage.user(twelveUmlauts, 1, ""), UTF8)).hasSize(38);
        assertThatThrownBy(() -> codec.encode(FoxMessage.user(twelveUmlauts + "Ü", 1, ""), UTF8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("26 bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 123, 2_147_483_647, -1, -1_234_567_890, Integer.MIN_VALUE, 0})
    void idIsFoxProStr12(int id) throws Exception {
        byte[] encoded = codec.encode(FoxMessage.user("A", id, ""), CP1252);
        String field = new String(encoded, 24, 12, StandardCharsets.US_ASCII);
        assertThat(field).hasSize(12).isEqualTo(" ".repeat(12 - Integer.toString(id).length()) + id);
        assertThat(codec.decode(encoded).id()).isEqualTo(id);
    }

    @Test
    void largestIdGolden() throws Exception {
        byte[] bytes = concat(
                ascii("A"), repeat(' ', 23),        // sender "A"
                ascii("  2147483647"),              // id Integer.MAX_VALUE, two spaces of padding
                ascii("0"), ascii("1"));            // no confirmation, system message
        FoxMessage m = new FoxMessage("A", Integer.MAX_VALUE, false, true, "");
        assertThat(codec.encode(m, CP1252)).containsExactly(bytes);
        assertThat(codec.decode(bytes)).isEqualTo(m);
    }

    @Test
    void negativeIdGolden() throws Exception {
        // The original seeds its counter from a signed GetTickCount(), so it can send negative ids.
        byte[] bytes = concat(
                ascii("HOSTB"), repeat(' ', 19),    // sender "HOSTB"
                ascii(" -1234567890"),              // id, sign right before the digits
                ascii("1"), ascii("0"));            // user message asking for a receipt
        FoxMessage m = new FoxMessage("HOSTB", -1_234_567_890, true, false, "");
        assertThat(codec.encode(m, CP1252)).containsExactly(bytes);
        assertThat(codec.decode(bytes)).isEqualTo(m);
    }

    @Test
    void bodyOf212BytesMakesTheLegacyMaximumOf250() throws Exception {
        String body = "x".repeat(FoxMessage.LEGACY_MAX_BYTES - FoxMessage.HEADER_BYTES);
        byte[] encoded = codec.encode(FoxMessage.user("HOSTA", 7, body), CP1252);
        assertThat(encoded).hasSize(250);
        assertThat(Arrays.copyOfRange(encoded, 38, 250)).containsExactly(repeat('x', 212));
        assertThat(codec.decode(encoded).body()).isEqualTo(body);
    }

    @Test
    void windows1252TextBothWays() throws Exception {
        byte[] expected = concat(
                hex("4d dc 4c 4c 45 52"), repeat(' ', 18),    // sender "MÜLLER" in windows-1252
                ascii("           5"), ascii("10"),           // id 5, flags
                hex("47 72 fc df 65 20 80"));                 // body "Grüße €" in windows-1252
        FoxMessage m = FoxMessage.user("MÜLLER", 5, "Grüße €");
        assertThat(codec.encode(m, CP1252)).containsExactly(expected);
        assertThat(codec.decode(expected)).isEqualTo(m);
    }

    @Test
    void utf8TextBothWays() throws Exception {
        byte[] expected = concat(
                hex("4d c3 9c 4c 4c 45 52"), repeat(' ', 17),       // sender "MÜLLER" in UTF-8 (7 bytes)
                ascii("           5"), ascii("10"),                 // id 5, flags
                hex("47 72 c3 bc c3 9f 65 20 e2 82 ac"));           // body "Grüße €" in UTF-8
        FoxMessage m = FoxMessage.user("MÜLLER", 5, "Grüße €");
        assertThat(codec.encode(m, UTF8)).containsExactly(expected);
        assertThat(codec.decode(expected)).isEqualTo(m);
    }

    @Test
    void invalidUtf8IsReadAsTheLegacyCodePage() throws Exception {
        byte[] bytes = concat(ascii("A"), repeat(' ', 23), ascii("           1"), ascii("10"),
                hex("c3 bc fc"));                                   // valid "ü" then a lone 0xfc: not UTF-8
        assertThat(codec.decode(bytes).body()).isEqualTo("Ã¼ü");
    }

    @Test
    void unmappableBodyCharactersBecomeQuestionMarks() {
        byte[] encoded = codec.encode(FoxMessage.user("A", 1, "日本 ok"), CP1252);
        assertThat(Arrays.copyOfRange(encoded, 38, encoded.length)).containsExactly(ascii("?? ok"));
    }

    @Test
    void trailingNulsOfTheSenderAreTrimmed() throws Exception {
        byte[] bytes = concat(ascii("HOSTC"), new byte[19], ascii("           9"), ascii("00"));
        assertThat(codec.decode(bytes).sender()).isEqualTo("HOSTC");
    }

    @Test
    void theOriginalsAnsiNamesStillPassEvenWhenLongerInUtf8() throws Exception {
        byte[] bytes = concat(
                hex("4d dc 4c 4c 45 52 2d 50 43"), repeat(' ', 15), // "MÜLLER-PC" in windows-1252, padded to 24
                ascii("           7"), ascii("10"), ascii("hi"));   // id 7, flags, body
        assertThat(codec.decode(bytes).sender()).isEqualTo("MÜLLER-PC");
        String accented = "ÄÖÜäöüßÉÈÊËÀÂÎÏÔÛÙÇéèêëà"; // 24 characters: 24 bytes here, 48 in UTF-8
        byte[] full = concat(accented.getBytes(CP1252), ascii("           8"), ascii("10"));
        assertThat(codec.decode(full).sender()).isEqualTo(accented);
        byte[] undefined = concat(hex("50 43 81"), repeat(' ', 21), ascii("           9"), ascii("10"));
        assertThat(codec.decode(undefined).sender()).as("a byte the code page lacks shows as U+FFFD")
                .isEqualTo("PC\uFFFD");
    }

    @Test
    void everyTruncationOfTheHeaderIsMalformed() {
        for (int length = 0; length < FoxMessage.HEADER_BYTES; length++) {
            byte[] truncated = Arrays.copyOf(TEST_VECTOR, length);
            assertThatThrownBy(() -> codec.decode(truncated))
                    .as("length %d", length)
                    .isInstanceOf(MalformedMessageException.class)
                    .hasMessageContaining(length + " bytes").hasMessageContaining("38-byte header");
        }
    }

    @Test
    void regionOutsideTheArrayIsACallerBug() {
        assertThatThrownBy(() -> codec.decode(TEST_VECTOR, 10, TEST_VECTOR.length))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
