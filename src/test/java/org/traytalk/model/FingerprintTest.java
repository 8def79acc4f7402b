package org.traytalk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static Fingerprint random(Random r) {
        byte[] digest = new byte[32];
        r.nextBytes(digest);
        return Fingerprint.of(digest);
    }

    @Test
    void isSixGroupsOfFourFromTheStartOfTheDigest() {
        byte[] digest = new byte[32]; // all zero bits: 23 times 'A', then the check character
        Fingerprint f = Fingerprint.of(digest);
        assertThat(f.code()).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){5}");
        assertThat(f.code()).startsWith("AAAA-AAAA-AAAA-AAAA-AAAA-AAA");
        digest[0] = (byte) 0b1111_1000; // the first five bits are the first character: 31 = '7'
        assertThat(Fingerprint.of(digest).code()).startsWith("7AAA");
    }

    @Test
    void readsWhatPeopleTypeButNotWhatTheyMistype() {
        Random r = new Random(5);
        for (int i = 0; i < 200; i++) {
            Fingerprint f = random(r);
            assertThat(Fingerprint.parse(f.code().toLowerCase().replace("-", " "))).isEqualTo(f);
            String compact = f.code().replace("-", "");
            for (int pos = 0; pos < compact.length(); pos++) {
                char wrong = compact.charAt(pos) == 'A' ? 'B' : 'A';
                String typo = compact.substring(0, pos) + wrong + compact.substring(pos + 1);
                assertThatThrownBy(() -> Fingerprint.parse(typo)).as("typo at %d in %s", pos, f)
                        .hasMessageContaining("typing error");
            }
        }
    }

    @Test
    void catchesMostSwappedNeighbours() {
        Random r = new Random(6);
        int swaps = 0;
        int caught = 0;
        for (int i = 0; i < 500; i++) {
            String compact = random(r).code().replace("-", "");
            for (int pos = 0; pos + 1 < compact.length(); pos++) {
                if (compact.charAt(pos) == compact.charAt(pos + 1)) {
                    continue;
                }
                swaps++;
                String swapped = compact.substring(0, pos) + compact.charAt(pos + 1) + compact.charAt(pos)
                        + compact.substring(pos + 2);
                try {
                    Fingerprint.parse(swapped);
                } catch (IllegalArgumentException e) {
                    caught++;
                }
            }
        }
        assertThat((double) caught / swaps).isGreaterThan(0.95);
    }

    @Test
    void refusesWrongLengthsAndLetters() {
        assertThatThrownBy(() -> Fingerprint.parse("ABCD")).hasMessageContaining("24 characters");
        assertThatThrownBy(() -> Fingerprint.parse("ABCD-EFGH-IJKL-MNOP-QRST-UVW0")).hasMessageContaining("A-Z and 2-7");
        assertThatThrownBy(() -> Fingerprint.of(new byte[14])).hasMessageContaining("too short");
    }

    @Test
    void theIdentityCoversBothKeys() {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        b[31] = 1;
        assertThat(new PeerKey(a, a).fingerprint()).isNotEqualTo(new PeerKey(a, b).fingerprint())
                .isNotEqualTo(new PeerKey(b, a).fingerprint());
        assertThat(new PeerKey(a, b).fingerprint()).isEqualTo(new PeerKey(a.clone(), b.clone()).fingerprint());
    }
}
