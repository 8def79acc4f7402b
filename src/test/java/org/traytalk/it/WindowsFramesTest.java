package org.traytalk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.traytalk.testing.WireFactsVector;

/** The hand-built Windows frames of the namespace test are the WIRE-FACTS test vector, byte for byte. */
class WindowsFramesTest {
    @Test
    void theWindowsTestVectorComesOutOfTheBuilder() {
        byte[] payload = WindowsFrames.foxMessage("HOSTA", 123, true, false, "hello");
        byte[] frame = WindowsFrames.mailslotWrite(WindowsFrames.DIRECT_GROUP, 0x1001, new byte[] {(byte) 192,
                (byte) 168, 56, 10}, "HOSTA", "WORKGROUP", payload);
        assertThat(HexFormat.of().formatHex(frame)).isEqualTo(HexFormat.of().formatHex(WireFactsVector.datagram()));
        WindowsFrames.Write w = WindowsFrames.Write.parse(frame);
        assertThat(w.source()).isEqualTo("HOSTA");
        assertThat(w.destination()).isEqualTo("WORKGROUP");
        assertThat(w.slot()).isEqualTo(WindowsFrames.SLOT);
        assertThat(w.id()).isEqualTo(123);
        assertThat(w.body()).isEqualTo("hello");
    }
}
