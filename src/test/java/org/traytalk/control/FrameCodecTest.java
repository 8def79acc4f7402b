package org.traytalk.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.channels.Channels;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    @Test
    void argsRoundTripIncludingEmptyAndNonAscii() throws Exception {
        List<String> args = List.of("send", "BÖB", "", "grüße *");

        assertThat(ArgsPayload.decode(ArgsPayload.encode(args))).isEqualTo(args);
        assertThat(ArgsPayload.decode(new byte[0])).isEmpty();
    }

    @Test
    void argsGoldenBytes() {
        assertThat(ArgsPayload.encode(List.of("peers", ""))).containsExactly('p', 'e', 'e', 'r', 's', 0, 0);
    }

    @Test
    void argsWithoutTrailingNulOrWithBadUtf8AreRejected() {
        assertThatThrownBy(() -> ArgsPayload.decode(new byte[] {'a'}))
                .isInstanceOf(ControlProtocolException.class).hasMessageContaining("must end with a NUL");
        assertThatThrownBy(() -> ArgsPayload.decode(new byte[] {(byte) 0xC3, 0}))
                .isInstanceOf(ControlProtocolException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void writerAndReaderAgree() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(Channels.newChannel(bytes));
        writer.write(Frame.text(FrameType.STDOUT, "hi"));
        writer.write(Frame.exit(3));

        assertThat(bytes.toByteArray()).containsExactly(
                0x11, 0, 0, 0, 2, 'h', 'i',       // STDOUT, length 2, "hi"
                0x13, 0, 0, 0, 4, 0, 0, 0, 3);    // EXIT, length 4, code 3
        FrameReader reader = reader(bytes.toByteArray());
        assertThat(new String(reader.read().payload(), "UTF-8")).isEqualTo("hi");
        assertThat(reader.read().exitCode()).isEqualTo(3);
        assertThat(reader.read()).isNull();
    }

    @Test
    void maxLengthIsAcceptedAndOneMoreIsNot() throws Exception {
        byte[] max = new byte[5 + Frame.MAX_PAYLOAD];
        max[0] = 0x02;
        max[2] = 0x10; // 0x00100000 = 1 MiB
        assertThat(reader(max).read().payload()).hasSize(Frame.MAX_PAYLOAD);

        assertThatThrownBy(() -> reader(new byte[] {0x02, 0, 0x10, 0, 1}).read())
                .isInstanceOf(ControlProtocolException.class).hasMessageContaining("1048577 is outside 0..1048576");
        assertThatThrownBy(() -> reader(new byte[] {0x02, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}).read())
                .isInstanceOf(ControlProtocolException.class).hasMessageContaining("4294967295");
    }

    @Test
    void unknownTypeAndTruncationAreReported() {
        assertThatThrownBy(() -> reader(new byte[] {'G', 'E', 'T', ' ', '/'}).read())
                .isInstanceOf(ControlProtocolException.class).hasMessageContaining("unknown frame type 0x47");
        assertThatThrownBy(() -> reader(new byte[] {0x11, 0, 0}).read()).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> reader(new byte[] {0x11, 0, 0, 0, 3, 'a'}).read()).isInstanceOf(EOFException.class);
    }

    @Test
    void exitFrameMustHoldFourBytes() {
        assertThatThrownBy(() -> new Frame(FrameType.EXIT, new byte[2]).exitCode())
                .isInstanceOf(ControlProtocolException.class);
    }

    private static FrameReader reader(byte[] bytes) {
        return new FrameReader(Channels.newChannel(new ByteArrayInputStream(bytes)));
    }
}
