package org.traytalk.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.wire.Bytes.concat;
import static org.traytalk.wire.Bytes.hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.traytalk.wire.secure.SecureFrameCodec;

class UdpEnvelopeCodecTest {

    /** A frame as the secure layer hands it over; the envelope never looks inside. */
    private static final byte[] FRAME = hex("04 ca fe ba be 00 00 00 00 00 00 00 01 55 55 55 55");

    /** "foxapp", instance 0x0102030405060708. */
    private static final byte[] GOLDEN = concat(hex(
            "54 54 4C 4B"                 // 0  magic "TTLK"
            + "02"                          // 4  version 2
            + "00"                          // 5  flags: none defined
            + "01 02 03 04 05 06 07 08"     // 6  instance id
            + "06"                          // 14 group length 6
            + "46 4F 58 41 50 50"),         // 15 "FOXAPP", upper-cased by the encoder
            FRAME);                         // 21 the frame, to the end of the datagram

    private final UdpEnvelopeCodec codec = new UdpEnvelopeCodec();

    @Test
    void encodesToGoldenBytes() {
        assertThat(codec.encode(new UdpEnvelope(0x0102030405060708L, "foxapp", FRAME))).containsExactly(GOLDEN);
    }

    @Test
    void decodesGoldenBytes() throws MalformedMessageException {
        UdpEnvelope e = codec.decode(GOLDEN, 0, GOLDEN.length);
        assertThat(e).isEqualTo(new UdpEnvelope(0x0102030405060708L, "FOXAPP", FRAME));
        assertThat(e.frame()).containsExactly(FRAME);
    }

    @Test
    void decodesFromTheMiddleOfALargerBuffer() throws MalformedMessageException {
        byte[] buffer = new byte[GOLDEN.length + 10];
        Arrays.fill(buffer, (byte) 0x77);
        System.arraycopy(GOLDEN, 0, buffer, 3, GOLDEN.length);
        assertThat(codec.decode(buffer, 3, GOLDEN.length).frame()).containsExactly(FRAME);
    }

    @Test
    void keepsGroupCaseAsReceivedAndIgnoresFlags() throws MalformedMessageException {
        byte[] b = GOLDEN.clone();
        b[15] = 'f';
        b[5] = (byte) 0xFE;
        UdpEnvelope e = codec.decode(b, 0, b.length);
        assertThat(e.group()).isEqualTo("fOXAPP");
    }

    @Test
    void failsOnEveryTruncationPoint() {
        for (int len = 0; len <= UdpEnvelopeCodec.FIXED_BYTES + 6; len++) {
            int cut = len;
            assertThatThrownBy(() -> codec.decode(GOLDEN, 0, cut)).as("truncated to %d bytes", cut)
                    .isInstanceOf(MalformedMessageException.class);
        }
    }

    @Test
    void namesTheTruncatedField() {
        assertMalformed(Arrays.copyOf(GOLDEN, 3), "no TTLK magic at offset 0");
        assertMalformed(Arrays.copyOf(GOLDEN, 4), "truncated: version needs 1 bytes at offset 4, only 0 left");
        assertMalformed(Arrays.copyOf(GOLDEN, 10), "truncated: instance id needs 8 bytes at offset 6, only 4 left");
        assertMalformed(Arrays.copyOf(GOLDEN, 18), "truncated: group name needs 6 bytes at offset 15, only 3 left");
        assertMalformed(Arrays.copyOf(GOLDEN, 21), "frame at offset 21 has 0 bytes");
    }

    @Test
    void refusesOtherVersionsAndSaysWhatVersionOneIs() {
        byte[] b = GOLDEN.clone();
        b[4] = 1;
        assertMalformed(b, "unsupported envelope version 1 (an older TrayTalk");
        b[4] = 3;
        assertMalformed(b, "unsupported envelope version 3");
    }

    @Test
    void rejectsZeroInstanceIdAndBadGroups() {
        byte[] zero = GOLDEN.clone();
        Arrays.fill(zero, 6, 14, (byte) 0);
        assertMalformed(zero, "instance id is 0 at offset 6");
        byte[] b = GOLDEN.clone();
        b[14] = 0;
        assertMalformed(b, "group name length 0 at offset 14 is outside 1..64");
        b[14] = 65;
        assertMalformed(b, "group name length 65 at offset 14 is outside 1..64");
        byte[] c = GOLDEN.clone();
        c[16] = (byte) 0xC3;
        assertMalformed(c, "group name at offset 15 is not printable ASCII");
    }

    @Test
    void acceptsTheLargestGroupAndFrameAndNoLarger() throws MalformedMessageException {
        byte[] frame = new byte[SecureFrameCodec.MAX_FRAME_BYTES];
        byte[] encoded = codec.encode(new UdpEnvelope(1, "G".repeat(64), frame));
        assertThat(encoded).hasSize(UdpEnvelopeCodec.FIXED_BYTES + 64 + SecureFrameCodec.MAX_FRAME_BYTES)
                .hasSizeLessThanOrEqualTo(65_507); // one IPv4 UDP datagram
        assertThat(codec.decode(encoded, 0, encoded.length).frame()).hasSize(SecureFrameCodec.MAX_FRAME_BYTES);
        byte[] tooLong = concat(encoded, new byte[1]);
        assertMalformed(tooLong, "bytes, not 1..");
    }

    @Test
    void recordRefusesWhatTheDecoderWouldRejectAndCopiesTheFrame() {
        assertThatThrownBy(() -> new UdpEnvelope(0, "G", FRAME)).hasMessageContaining("instance id");
        assertThatThrownBy(() -> new UdpEnvelope(1, "", FRAME)).hasMessageContaining("group");
        assertThatThrownBy(() -> new UdpEnvelope(1, "FOX APP", FRAME)).hasMessageContaining("group");
        assertThatThrownBy(() -> new UdpEnvelope(1, "GRÜN", FRAME)).hasMessageContaining("group");
        assertThatThrownBy(() -> new UdpEnvelope(1, "G", new byte[0])).hasMessageContaining("frame of 0 bytes");
        byte[] frame = FRAME.clone();
        UdpEnvelope e = new UdpEnvelope(1, "G", frame);
        frame[0] = 9;
        e.frame()[1] = 9;
        assertThat(e.frame()).containsExactly(FRAME);
    }

    @Test
    void hasMagicLooksOnlyAtTheFirstFourBytes() {
        assertThat(UdpEnvelopeCodec.hasMagic(GOLDEN, 0, 4)).isTrue();
        assertThat(UdpEnvelopeCodec.hasMagic(GOLDEN, 0, 3)).isFalse();
        assertThat(UdpEnvelopeCodec.hasMagic(GOLDEN, 1, 10)).isFalse();
        assertThat(UdpEnvelopeCodec.hasMagic("ttlk".getBytes(StandardCharsets.US_ASCII), 0, 4)).isFalse();
        assertThat(UdpEnvelopeCodec.hasMagic(new byte[] {0, 'T', 'T', 'L', 'K'}, 1, 4)).isTrue();
    }

    private void assertMalformed(byte[] bytes, String messagePart) {
        assertThatThrownBy(() -> codec.decode(bytes, 0, bytes.length))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(messagePart);
    }
}
