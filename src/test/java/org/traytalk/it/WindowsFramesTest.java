package org.traytalk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The hand-built Windows frames of the namespace test are the WIRE-FACTS test vector, byte for byte. */
class WindowsFramesTest {
    /** WIRE-FACTS section 2, the dump as printed there (offsets dropped). */
    private static final String VECTOR = String.join(" ",
            "11 02 10 01 c0 a8 38 0a 00 8a 00 c7 00 00 20 45",
            "49 45 50 46 44 46 45 45 42 43 41 43 41 43 41 43",
            "41 43 41 43 41 43 41 43 41 43 41 43 41 41 41 00",
            "20 46 48 45 50 46 43 45 4c 45 48 46 43 45 50 46",
            "46 46 41 43 41 43 41 43 41 43 41 43 41 43 41 41",
            "41 00 ff 53 4d 42 25 00 00 00 00 18 04 00 00 00",
            "00 00 00 00 00 00 00 00 00 00 00 00 ff fe 00 00",
            "00 00 11 00 00 2b 00 02 00 00 00 00 00 02 00 00",
            "00 00 00 00 00 00 00 58 00 2b 00 58 00 03 00 01",
            "00 00 00 02 00 3e 00 5c 4d 41 49 4c 53 4c 4f 54",
            "5c 46 4f 58 41 50 50 00 00 00 48 4f 53 54 41 20",
            "20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20",
            "20 20 20 20 20 20 20 20 20 20 20 31 32 33 31 30",
            "68 65 6c 6c 6f");

    @Test
    void theWindowsTestVectorComesOutOfTheBuilder() {
        byte[] payload = WindowsFrames.foxMessage("HOSTA", 123, true, false, "hello");
        byte[] frame = WindowsFrames.mailslotWrite(WindowsFrames.DIRECT_GROUP, 0x1001, new byte[] {(byte) 192,
                (byte) 168, 56, 10}, "HOSTA", "WORKGROUP", payload);
        assertThat(HexFormat.of().formatHex(frame)).isEqualTo(VECTOR.replace(" ", ""));
        WindowsFrames.Write w = WindowsFrames.Write.parse(frame);
        assertThat(w.source()).isEqualTo("HOSTA");
        assertThat(w.destination()).isEqualTo("WORKGROUP");
        assertThat(w.slot()).isEqualTo(WindowsFrames.SLOT);
        assertThat(w.id()).isEqualTo(123);
        assertThat(w.body()).isEqualTo("hello");
    }
}
