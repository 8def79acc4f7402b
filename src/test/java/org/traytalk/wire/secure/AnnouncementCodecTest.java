package org.traytalk.wire.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.wire.Bytes.concat;
import static org.traytalk.wire.Bytes.hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.traytalk.wire.MalformedMessageException;

class AnnouncementCodecTest {
    private final AnnouncementCodec codec = new AnnouncementCodec();

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static final Announcement ONLINE = new Announcement(Announcement.Kind.ONLINE, 1_000_000L, 0x0102030405060708L,
            filled(32, 0x5E), filled(32, 0xA6), "Zoë", AnnouncementCodec.extensions(7, new byte[] {'h', 'i'}),
            filled(64, 0x51));

    /** ONLINE from "Zoë" with one extension (tag 7, "hi"). */
    private static final byte[] GOLDEN = concat(hex(
            "02"                                        // 0   kind 2: ONLINE
            + "00 00 00 00 00 0f 42 40"                   // 1   sequence 1,000,000
            + "01 02 03 04 05 06 07 08"),                 // 9   instance id
            filled(32, 0x5E),                            // 17  signing key (Ed25519)
            filled(32, 0xA6),                            // 49  agreement key (X25519)
            hex("04 5a 6f c3 ab"),                       // 81  name: 4 bytes, "Zoë" in UTF-8
            hex("07 00 02 68 69"),                       // 86  extension: tag 7, length 2, "hi"
            filled(64, 0x51));                           // 91  signature

    @Test
    void encodesAndDecodesGoldenBytes() throws MalformedMessageException {
        assertThat(codec.encode(ONLINE)).containsExactly(GOLDEN);
        assertThat(codec.decode(GOLDEN)).isEqualTo(ONLINE);
        assertThat(AnnouncementCodec.extension(codec.decode(GOLDEN), 7)).containsExactly('h', 'i');
        assertThat(AnnouncementCodec.extension(codec.decode(GOLDEN), 8)).isNull();
    }

    @Test
    void theSignatureCoversALabelTheGroupAndEverythingButItself() {
        byte[] signed = AnnouncementCodec.signedBytes(ONLINE, "foxapp");
        assertThat(signed).containsExactly(concat("TrayTalk announcement 1".getBytes(StandardCharsets.US_ASCII),
                hex("06"), "FOXAPP".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(GOLDEN, GOLDEN.length - 64)));
        assertThat(AnnouncementCodec.signedBytes(ONLINE, "OTHER")).isNotEqualTo(signed);
    }

    @Test
    void refusesUnknownKindsBadNamesAndBrokenExtensions() {
        byte[] kind = GOLDEN.clone();
        kind[0] = 9;
        assertThatThrownBy(() -> codec.decode(kind)).hasMessageContaining("unknown announcement kind 9");

        byte[] bidi = concat(Arrays.copyOf(GOLDEN, 81), hex("04 41 e2 80 ae"), Arrays.copyOfRange(GOLDEN, 85,
                GOLDEN.length)); // "A" + U+202E RIGHT-TO-LEFT OVERRIDE in place of the name
        assertThatThrownBy(() -> codec.decode(bidi)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("U+202E");

        byte[] extension = GOLDEN.clone();
        extension[88] = 9; // the extension says 9 bytes, 2 follow
        assertThatThrownBy(() -> codec.decode(extension)).hasMessageContaining("says 9 bytes");
    }

    @Test
    void everyTruncationIsRefusedOrIsAnotherAnnouncementWhoseSignatureCannotMatch() throws MalformedMessageException {
        int fixedAndSignature = 86 + 64; // up to the name, then a signature: anything shorter cannot be read
        for (int length = 0; length < fixedAndSignature; length++) {
            byte[] cut = Arrays.copyOf(GOLDEN, length);
            assertThatThrownBy(() -> codec.decode(cut)).as("cut to %d", length)
                    .isInstanceOf(MalformedMessageException.class);
        }
        // the signature is found from the end, so a shorter tail reads as other extensions and another signature
        for (int length = fixedAndSignature; length < GOLDEN.length; length++) {
            byte[] cut = Arrays.copyOf(GOLDEN, length);
            try {
                assertThat(codec.decode(cut).signature()).isNotEqualTo(ONLINE.signature());
            } catch (MalformedMessageException e) {
                assertThat(e).hasMessageContaining("extension");
            }
        }
    }
}
