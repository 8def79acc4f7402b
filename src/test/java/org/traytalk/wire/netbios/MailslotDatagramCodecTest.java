package org.traytalk.wire.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.testing.RandomCases.bytes;
import static org.traytalk.testing.RandomCases.check;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.traytalk.testing.WireFactsVector;
import org.traytalk.wire.MalformedMessageException;

class MailslotDatagramCodecTest {
    private final MailslotDatagramCodec codec = new MailslotDatagramCodec();

    /** WIRE-FACTS.md section 2: \\*\mailslot\FOXAPP, HOSTA (192.168.56.10) to WORKGROUP, one line per 16 bytes. */
    static final byte[] VECTOR = HexFormat.of().parseHex(String.join("",
            "11021001c0a8380a008a00c700002045", // type 11, flags 02, id 1001, 192.168.56.10, port 138, length 199, offset 0, source name ...
            "49455046444645454243414341434143", // ... "HOSTA" first-level encoded ...
            "41434143414341434143414341414100", // ... padding, suffix AA, scope 00; destination name ...
            "20464845504643454c45484643455046", // ... "WORKGROUP" ...
            "46464143414341434143414341434141", // ... padding, suffix AA
            "4100ff534d4225000000001804000000", // scope 00; SMB: ff 'SMB', 25, status 0, flags 18, flags2 0004, pid-high
            "000000000000000000000000fffe0000", // security, reserved, tid, pid FEFF, uid
            "00001100002b00020000000000020000", // mid; word count 17; totals, max counts, setup, flags 0002, timeout
            "0000000000000058002b005800030001", // reserved, parameter count/offset 58, data count 2b/offset 58, setup count 3, opcode 1
            "00000002003e005c4d41494c534c4f54", // priority 0, class 2, byte count 62, \MAILSLOT...
            "5c464f58415050000000484f53544120", // ...\FOXAPP NUL, padding 2; payload: "HOSTA" ...
            "20202020202020202020202020202020", // ... sender padding ...
            "20202020202020202020203132333130", // ... id "123", '1', '0' ...
            "68656c6c6f")); // ... "hello"

    static final byte[] PAYLOAD = ("HOSTA" + " ".repeat(19) + "         123" + "1" + "0" + "hello")
            .getBytes(StandardCharsets.US_ASCII);

    static MailslotDatagram vectorDatagram() {
        return new MailslotDatagram(MailslotDatagram.DIRECT_GROUP, 0x1001, new byte[] {(byte) 192, (byte) 168, 56, 10},
                138, NetbiosName.computer("HOSTA"), NetbiosName.computer("WORKGROUP"), "\\MAILSLOT\\FOXAPP", PAYLOAD);
    }

    @Test
    void vectorHasTheDocumentedLength() {
        assertThat(VECTOR).hasSize(0xd5);
    }

    @Test
    void theAnnotatedVectorIsTheWireFactsOne() {
        assertThat(HexFormat.of().formatHex(VECTOR)).isEqualTo(HexFormat.of().formatHex(WireFactsVector.datagram()));
        assertThat(PAYLOAD).containsExactly(WireFactsVector.payload());
    }

    @Test
    void encodesTheTestVectorExactly() {
        assertThat(HexFormat.of().formatHex(codec.encode(vectorDatagram()))).isEqualTo(HexFormat.of().formatHex(VECTOR));
    }

    @Test
    void decodesTheTestVector() throws MalformedMessageException {
        MailslotDatagram d = codec.decode(VECTOR);
        assertThat(d).isEqualTo(vectorDatagram());
        assertThat(d.source()).hasToString("HOSTA<00>");
        assertThat(d.destination().matches("workgroup", 0)).isTrue();
        assertThat(d.payload()).containsExactly(PAYLOAD);
    }

    @Test
    void namesUseFirstLevelEncoding() {
        assertThat(new String(NetbiosName.computer("HostA").encode(), 1, 32, StandardCharsets.US_ASCII))
                .isEqualTo("EIEPFDFEEB" + "CA".repeat(10) + "AA");
        assertThat(new String(NetbiosName.computer("WORKGROUP").encode(), 1, 32, StandardCharsets.US_ASCII))
                .isEqualTo("FHEPFCELEHFCEPFFFA" + "CA".repeat(6) + "AA");
        assertThatThrownBy(() -> NetbiosName.computer("SIXTEEN-CHARS-AB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sambaStyleFrameWithZeroHeaderAndUnpaddedDataDecodes() throws MalformedMessageException {
        byte[] frame = codec.encode(vectorDatagram());
        int smb = 14 + 68;
        Arrays.fill(frame, smb + 5, smb + 32, (byte) 0); // status, flags, pid... all zero
        byte[] samba = new byte[frame.length - 2];
        System.arraycopy(frame, 0, samba, 0, smb + 86); // up to and including the name's NUL
        System.arraycopy(frame, smb + 88, samba, smb + 86, frame.length - smb - 88); // data without padding
        samba[smb + 33 + 20] = 0; // parameter offset 0
        samba[smb + 33 + 24] = 86; // data offset unpadded
        samba[10] = 0; // datagram length: not trusted
        samba[11] = 0;
        MailslotDatagram d = codec.decode(samba);
        assertThat(d.payload()).containsExactly(PAYLOAD);
        assertThat(d.mailslot()).isEqualTo("\\MAILSLOT\\FOXAPP");
    }

    @Test
    void directUniqueRoundTrip() throws MalformedMessageException {
        MailslotDatagram d = new MailslotDatagram(MailslotDatagram.DIRECT_UNIQUE, 7, new byte[] {10, 77, 0, 1}, 138,
                NetbiosName.computer("ALICE"), NetbiosName.computer("BOB"), "\\mailslot\\foxapp", PAYLOAD);
        assertThat(codec.decode(codec.encode(d))).isEqualTo(d);
    }

    @Test
    void sizeLimitIsWindowsFiveHundredTwelveBytes() {
        assertThat(MailslotDatagramCodec.maxPayload("\\MAILSLOT\\FOXAPP")).isEqualTo(424);
        MailslotDatagram big = new MailslotDatagram(MailslotDatagram.DIRECT_GROUP, 1, new byte[4], 138,
                NetbiosName.computer("A"), NetbiosName.computer("B"), "\\MAILSLOT\\FOXAPP", new byte[425]);
        assertThatThrownBy(() -> codec.encode(big)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("424");
    }

    @Test
    void everyTruncationIsMalformed() {
        for (int n = 0; n < VECTOR.length - PAYLOAD.length; n++) {
            int len = n;
            assertThatThrownBy(() -> codec.decode(VECTOR, 0, len)).as("truncated to %d", n)
                    .isInstanceOf(MalformedMessageException.class);
        }
        // cut inside the payload: the data count no longer fits
        assertThatThrownBy(() -> codec.decode(VECTOR, 0, VECTOR.length - 1)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("outside");
    }

    private static byte[] patched(int at, int value) {
        byte[] b = VECTOR.clone();
        b[at] = (byte) value;
        return b;
    }

    @Test
    void eachWrongFieldHasItsOwnMessage() {
        int smb = 82;
        assertThatThrownBy(() -> codec.decode(patched(0, 0x12))).hasMessageContaining("not a direct datagram");
        assertThatThrownBy(() -> codec.decode(patched(1, 0x03))).hasMessageContaining("fragment");
        assertThatThrownBy(() -> codec.decode(patched(13, 1))).hasMessageContaining("fragment");
        assertThatThrownBy(() -> codec.decode(patched(14, 0x21))).hasMessageContaining("source name");
        assertThatThrownBy(() -> codec.decode(patched(20, 'Z'))).hasMessageContaining("first-level");
        assertThatThrownBy(() -> codec.decode(patched(smb, 0xFE))).hasMessageContaining("SMB signature");
        assertThatThrownBy(() -> codec.decode(patched(smb + 4, 0x32))).hasMessageContaining("SMB command");
        assertThatThrownBy(() -> codec.decode(patched(smb + 32, 16))).hasMessageContaining("word count");
        assertThatThrownBy(() -> codec.decode(patched(smb + 33 + 26, 2))).hasMessageContaining("setup count");
        assertThatThrownBy(() -> codec.decode(patched(smb + 33 + 28, 2))).hasMessageContaining("opcode");
        assertThatThrownBy(() -> codec.decode(patched(smb + 33 + 24, 0xF0))).hasMessageContaining("outside");
    }

    @Test
    void randomAndDamagedFramesOnlyEverFailAsMalformed() {
        check(5000, r -> decodeOrMalformed(bytes(r, 300)));
        check(5000, r -> {
            byte[] b = VECTOR.clone();
            for (int hits = 1 + r.nextInt(3); hits > 0; hits--) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            decodeOrMalformed(Arrays.copyOf(b, r.nextInt(b.length + 1)));
        });
    }

    @Test
    void randomDatagramsRoundTrip() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
        check(2000, r -> {
            StringBuilder src = new StringBuilder();
            for (int n = 1 + r.nextInt(15); n > 0; n--) {
                src.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String slot = "\\MAILSLOT\\" + "X".repeat(1 + r.nextInt(20));
            byte[] payload = bytes(r, MailslotDatagramCodec.maxPayload(slot));
            MailslotDatagram d = new MailslotDatagram(r.nextBoolean() ? 0x10 : 0x11, r.nextInt(65536), bytes4(r), 138,
                    NetbiosName.computer(src.toString()), NetbiosName.computer("WORKGROUP"), slot, payload);
            try {
                assertThat(codec.decode(codec.encode(d))).isEqualTo(d);
            } catch (MalformedMessageException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }

    private static byte[] bytes4(SplittableRandom r) {
        byte[] ip = new byte[4];
        for (int i = 0; i < 4; i++) {
            ip[i] = (byte) r.nextInt(256);
        }
        return ip;
    }

    private void decodeOrMalformed(byte[] b) {
        try {
            codec.decode(b);
        } catch (MalformedMessageException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
