package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UdpEnvelopeCodecTest {

    /** A 43-byte message as the original sends it: name, id, flags, "hello". */
    private static final byte[] MESSAGE = ("HOSTA                   " + "         123" + "1" + "0" + "hello")
            .getBytes(StandardCharsets.US_ASCII);

    /** "foxapp" to everyone, instance 0x0102030405060708. */
    private static final byte[] GOLDEN_TO_EVERYONE = concat(new byte[] {
        0x54, 0x54, 0x4C, 0x4B,                         // 0  magic "TTLK"
        0x01,                                           // 4  version 1
        0x01,                                           // 5  flags: UTF-8
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, // 6  instance id
        0x06,                                           // 14 group length 6
        0x46, 0x4F, 0x58, 0x41, 0x50, 0x50,             // 15 "FOXAPP", upper-cased by the encoder
        0x01,                                           // 21 recipient length 1
        0x2A,                                           // 22 "*"
    }, MESSAGE);                                        // 23 the message, 43 bytes

    /** "Lab-2" to "Zoë", instance -2 (all bits but the lowest set). */
    private static final byte[] GOLDEN_TO_ZOE = concat(new byte[] {
        0x54, 0x54, 0x4C, 0x4B,                         // 0  magic
        0x01,                                           // 4  version
        0x01,                                           // 5  flags
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, // 6 instance id -2
        0x05,                                           // 14 group length 5
        0x4C, 0x41, 0x42, 0x2D, 0x32,                   // 15 "LAB-2"
        0x04,                                           // 20 recipient length: 4 bytes for 3 characters
        0x5A, 0x6F, (byte) 0xC3, (byte) 0xAB,           // 21 "Zoë" in UTF-8
    }, MESSAGE);                                        // 25 the message

    private final UdpEnvelopeCodec codec = new UdpEnvelopeCodec();

    @Test
    void encodesBroadcastEnvelopeToGoldenBytes() {
        byte[] encoded = codec.encode(new UdpEnvelope(0x0102030405060708L, "foxapp", "*", MESSAGE));
        assertThat(encoded).containsExactly(GOLDEN_TO_EVERYONE);
    }

    @Test
    void encodesUtf8RecipientToGoldenBytes() {
        byte[] encoded = codec.encode(new UdpEnvelope(-2L, "Lab-2", "Zoë", MESSAGE));
        assertThat(encoded).containsExactly(GOLDEN_TO_ZOE);
    }

    @Test
    void decodesGoldenBytes() throws MalformedMessageException {
        UdpEnvelope everyone = codec.decode(GOLDEN_TO_EVERYONE, 0, GOLDEN_TO_EVERYONE.length);
        assertThat(everyone).isEqualTo(new UdpEnvelope(0x0102030405060708L, "FOXAPP", "*", MESSAGE));
        assertThat(everyone.toEveryone()).isTrue();

        UdpEnvelope zoe = codec.decode(GOLDEN_TO_ZOE, 0, GOLDEN_TO_ZOE.length);
        assertThat(zoe.instanceId()).isEqualTo(-2L);
        assertThat(zoe.group()).isEqualTo("LAB-2");
        assertThat(zoe.recipient()).isEqualTo("Zoë");
        assertThat(zoe.message()).containsExactly(MESSAGE);
    }

    @Test
    void decodesFromTheMiddleOfALargerBuffer() throws MalformedMessageException {
        byte[] buffer = new byte[GOLDEN_TO_EVERYONE.length + 10];
        Arrays.fill(buffer, (byte) 0x77);
        System.arraycopy(GOLDEN_TO_EVERYONE, 0, buffer, 3, GOLDEN_TO_EVERYONE.length);
        UdpEnvelope e = codec.decode(buffer, 3, GOLDEN_TO_EVERYONE.length);
        assertThat(e.message()).containsExactly(MESSAGE);
    }

    @Test
    void keepsGroupCaseAsReceived() throws MalformedMessageException {
        byte[] lower = GOLDEN_TO_EVERYONE.clone();
        lower[15] = 'f';
        assertThat(codec.decode(lower, 0, lower.length).group()).isEqualTo("fOXAPP");
    }

    @Test
    void ignoresUnknownFlagBits() throws MalformedMessageException {
        byte[] flagged = GOLDEN_TO_EVERYONE.clone();
        flagged[5] = (byte) 0xFE;
        assertThat(codec.decode(flagged, 0, flagged.length))
                .isEqualTo(codec.decode(GOLDEN_TO_EVERYONE, 0, GOLDEN_TO_EVERYONE.length));
    }

    @Test
    void failsOnEveryTruncationPoint() {
        byte[] full = codec.encode(new UdpEnvelope(7, "FOXAPP", "bob", Arrays.copyOf(MESSAGE, 38)));
        for (int len = 0; len < full.length; len++) {
            int cut = len;
            assertThatThrownBy(() -> codec.decode(full, 0, cut))
                    .as("truncated to %d bytes", cut)
                    .isInstanceOf(MalformedMessageException.class);
        }
    }

    @Test
    void namesTheTruncatedField() {
        assertMalformed(Arrays.copyOf(GOLDEN_TO_EVERYONE, 3), "no TTLK magic at offset 0");
        assertMalformed(Arrays.copyOf(GOLDEN_TO_EVERYONE, 4), "truncated: version needs 1 bytes at offset 4, only 0 left");
        assertMalformed(Arrays.copyOf(GOLDEN_TO_EVERYONE, 10), "truncated: instance id needs 8 bytes at offset 6, only 4 left");
        assertMalformed(Arrays.copyOf(GOLDEN_TO_EVERYONE, 18), "truncated: group name needs 6 bytes at offset 15, only 3 left");
        assertMalformed(Arrays.copyOf(GOLDEN_TO_EVERYONE, 21), "truncated: recipient length needs 1 bytes at offset 21");
        assertMalformed(Arrays.copyOf(GOLDEN_TO_EVERYONE, 60), "message at offset 23 has 37 bytes");
    }

    @Test
    void rejectsOtherVersions() {
        byte[] v2 = GOLDEN_TO_EVERYONE.clone();
        v2[4] = 2;
        assertMalformed(v2, "unsupported envelope version 2");
        v2[4] = 0;
        assertMalformed(v2, "unsupported envelope version 0");
    }

    @Test
    void rejectsZeroInstanceId() {
        byte[] zero = GOLDEN_TO_EVERYONE.clone();
        Arrays.fill(zero, 6, 14, (byte) 0);
        assertMalformed(zero, "instance id is 0 at offset 6");
    }

    @Test
    void rejectsGroupLengthsOutsideRange() {
        byte[] b = GOLDEN_TO_EVERYONE.clone();
        b[14] = 0;
        assertMalformed(b, "group name length 0 at offset 14 is outside 1..64");
        b[14] = 65;
        assertMalformed(b, "group name length 65 at offset 14 is outside 1..64");
        b[14] = (byte) 0xFF;
        assertMalformed(b, "group name length 255 at offset 14");
    }

    @Test
    void rejectsNonAsciiGroup() {
        byte[] b = GOLDEN_TO_EVERYONE.clone();
        b[16] = (byte) 0xC3;
        assertMalformed(b, "group name at offset 15 is not printable ASCII");
        b[16] = ' ';
        assertMalformed(b, "group name at offset 15 is not printable ASCII");
    }

    @Test
    void rejectsRecipientLengthsOutsideRange() {
        byte[] b = GOLDEN_TO_EVERYONE.clone();
        b[21] = 0;
        assertMalformed(b, "recipient length 0 at offset 21 is outside 1..96");
        b[21] = 97;
        assertMalformed(b, "recipient length 97 at offset 21 is outside 1..96");
    }

    @Test
    void rejectsRecipientThatIsNotUtf8() {
        byte[] b = GOLDEN_TO_ZOE.clone();
        b[24] = 0x41; // 0xC3 followed by 'A' is not UTF-8
        assertMalformed(b, "recipient at offset 21 is not valid UTF-8");
    }

    @Test
    void acceptsTheLargestNamesAndTheSmallestMessage() throws MalformedMessageException {
        String group = "G".repeat(64);
        String recipient = "é".repeat(48); // 96 bytes
        byte[] message = new byte[38];
        byte[] encoded = codec.encode(new UdpEnvelope(1, group, recipient, message));
        assertThat(encoded).hasSize(UdpEnvelopeCodec.FIXED_BYTES + 64 + 96 + 38);
        assertThat(codec.decode(encoded, 0, encoded.length))
                .isEqualTo(new UdpEnvelope(1, group, recipient, message));
    }

    @Test
    void recordRefusesWhatTheDecoderWouldReject() {
        byte[] ok = new byte[38];
        assertThatThrownBy(() -> new UdpEnvelope(0, "G", "*", ok)).hasMessageContaining("instance id");
        assertThatThrownBy(() -> new UdpEnvelope(1, "", "*", ok)).hasMessageContaining("group");
        assertThatThrownBy(() -> new UdpEnvelope(1, "G".repeat(65), "*", ok)).hasMessageContaining("group");
        assertThatThrownBy(() -> new UdpEnvelope(1, "FOX APP", "*", ok)).hasMessageContaining("group");
        assertThatThrownBy(() -> new UdpEnvelope(1, "GRÜN", "*", ok)).hasMessageContaining("group");
        assertThatThrownBy(() -> new UdpEnvelope(1, "G", "", ok)).hasMessageContaining("recipient");
        assertThatThrownBy(() -> new UdpEnvelope(1, "G", "é".repeat(49), ok)).hasMessageContaining("is 98");
        assertThatThrownBy(() -> new UdpEnvelope(1, "G", "*", new byte[37])).hasMessageContaining("37 bytes");
    }

    @Test
    void recordCopiesTheMessage() {
        byte[] message = new byte[38];
        UdpEnvelope e = new UdpEnvelope(1, "G", "*", message);
        message[0] = 9;
        e.message()[1] = 9;
        assertThat(e.message()).containsOnly(0);
    }

    @Test
    void hasMagicLooksOnlyAtTheFirstFourBytes() {
        assertThat(UdpEnvelopeCodec.hasMagic(GOLDEN_TO_EVERYONE, 0, 4)).isTrue();
        assertThat(UdpEnvelopeCodec.hasMagic(GOLDEN_TO_EVERYONE, 0, 3)).isFalse();
        assertThat(UdpEnvelopeCodec.hasMagic(GOLDEN_TO_EVERYONE, 1, 10)).isFalse();
        assertThat(UdpEnvelopeCodec.hasMagic("ttlk".getBytes(StandardCharsets.US_ASCII), 0, 4)).isFalse();
        assertThat(UdpEnvelopeCodec.hasMagic(new byte[] {0, 'T', 'T', 'L', 'K'}, 1, 4)).isTrue();
    }

    private void assertMalformed(byte[] bytes, String messagePart) {
        assertThatThrownBy(() -> codec.decode(bytes, 0, bytes.length))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(messagePart);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
