package org.traytalk.wire.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.wire.Bytes.concat;
import static org.traytalk.wire.Bytes.hex;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.traytalk.wire.MalformedMessageException;

class SecureFrameCodecTest {
    private final SecureFrameCodec codec = new SecureFrameCodec();

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** An announcement frame: type, 12-byte nonce, the sealed announcement (here 20 bytes of 0xAA). */
    private static final byte[] ANNOUNCEMENT = concat(hex(
            "01"                                     // 0  type 1: announcement
            + "00 01 02 03 04 05 06 07 08 09 0a 0b"), // 1  nonce
            filled(20, 0xAA));                        // 13 sealed announcement and its tag

    /** A handshake init: type, sender index, 96 bytes of Noise message, 16-byte mac. */
    private static final byte[] INIT = concat(hex(
            "02"                                     // 0  type 2: handshake init
            + "12 34 56 78"),                          // 1  sender index 0x12345678
            filled(96, 0x11),                         // 5  Noise message: e, encrypted s, encrypted hello
            filled(16, 0x22));                        // 101 mac

    /** A handshake reply: type, sender index, receiver index, 48 bytes of Noise message, 16-byte mac. */
    private static final byte[] REPLY = concat(hex(
            "03"                                     // 0  type 3: handshake reply
            + "ff ff ff fe"                            // 1  sender index -2
            + "12 34 56 78"),                          // 5  receiver index: the init's sender index
            filled(48, 0x33),                         // 9  Noise message: e and the empty payload's tag
            filled(16, 0x44));                        // 57 mac

    /** A transport frame: type, receiver index, counter, ciphertext. */
    private static final byte[] TRANSPORT = concat(hex(
            "04"                                     // 0  type 4: transport
            + "ca fe ba be"                            // 1  receiver index
            + "00 00 00 00 00 00 01 00"),              // 5  counter 256
            filled(17, 0x55));                        // 13 ciphertext: one byte of payload and the tag

    @Test
    void encodesEveryFrameToGoldenBytes() {
        assertThat(codec.encode(new AnnouncementFrame(hex("00 01 02 03 04 05 06 07 08 09 0a 0b"), filled(20, 0xAA))))
                .containsExactly(ANNOUNCEMENT);
        assertThat(codec.encode(new HandshakeInit(0x12345678, filled(96, 0x11), filled(16, 0x22))))
                .containsExactly(INIT);
        assertThat(codec.encode(new HandshakeReply(-2, 0x12345678, filled(48, 0x33), filled(16, 0x44))))
                .containsExactly(REPLY);
        assertThat(codec.encode(new TransportFrame(0xCAFEBABE, 256, filled(17, 0x55)))).containsExactly(TRANSPORT);
    }

    @Test
    void decodesGoldenBytes() throws MalformedMessageException {
        assertThat(codec.decode(ANNOUNCEMENT)).isEqualTo(new AnnouncementFrame(
                hex("00 01 02 03 04 05 06 07 08 09 0a 0b"), filled(20, 0xAA)));
        assertThat(codec.decode(INIT)).isEqualTo(new HandshakeInit(0x12345678, filled(96, 0x11), filled(16, 0x22)));
        assertThat(codec.decode(REPLY)).isEqualTo(new HandshakeReply(-2, 0x12345678, filled(48, 0x33),
                filled(16, 0x44)));
        assertThat(codec.decode(TRANSPORT)).isEqualTo(new TransportFrame(0xCAFEBABE, 256, filled(17, 0x55)));
    }

    @Test
    void theTransportHeaderIsTheFramesFirstThirteenBytes() {
        assertThat(SecureFrameCodec.transportHeader(0xCAFEBABE, 256)).containsExactly(Arrays.copyOf(TRANSPORT, 13));
    }

    @Test
    void theMacCoversEverythingBeforeIt() {
        assertThat(SecureFrameCodec.macInput(INIT)).containsExactly(Arrays.copyOf(INIT, INIT.length - 16));
    }

    @Test
    void everyTruncationIsRefusedWithTheFieldNamed() {
        for (byte[] frame : new byte[][] {ANNOUNCEMENT, INIT, REPLY, TRANSPORT}) {
            int shortest = frame == ANNOUNCEMENT ? 1 + 12 + 16 : frame == INIT ? 1 + 4 + 96 + 16
                    : frame == REPLY ? 1 + 8 + 48 + 16 : 1 + 12 + 16;
            for (int length = 0; length < shortest; length++) {
                byte[] cut = Arrays.copyOf(frame, length);
                assertThatThrownBy(() -> codec.decode(cut)).as("frame %d cut to %d", frame[0], length)
                        .isInstanceOf(MalformedMessageException.class)
                        .hasMessageContaining(length == 0 ? "frame type" : "");
            }
        }
    }

    @Test
    void unknownTypesNegativeCountersAndOversizedFramesAreRefused() {
        byte[] unknown = TRANSPORT.clone();
        unknown[0] = 9;
        assertThatThrownBy(() -> codec.decode(unknown)).hasMessageContaining("unknown frame type 9");
        byte[] negative = TRANSPORT.clone();
        negative[5] = (byte) 0x80;
        assertThatThrownBy(() -> codec.decode(negative)).hasMessageContaining("counter at offset 5 is negative");
        byte[] huge = new byte[SecureFrameCodec.MAX_FRAME_BYTES + 1];
        huge[0] = 4;
        assertThatThrownBy(() -> codec.decode(huge)).hasMessageContaining("larger than");
    }

    @Test
    void decodesFromTheMiddleOfABuffer() throws MalformedMessageException {
        byte[] buffer = concat(filled(3, 0x77), TRANSPORT, filled(5, 0x77));
        assertThat(codec.decode(buffer, 3, TRANSPORT.length)).isEqualTo(codec.decode(TRANSPORT));
    }
}
