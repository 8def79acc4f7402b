package org.traytalk.wire.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.traytalk.testing.RandomCases.bytes;
import static org.traytalk.testing.RandomCases.check;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.traytalk.wire.MalformedMessageException;

class NameAnswerTest {
    private static final String WINPC = "20" + "4648454a454f46414544" + "4341".repeat(10) + "4141" + "00"; // WINPC<00>

    /** What a Windows B-node answers for its own WINPC<00>: TTL 300000 s, unique, 10.77.0.9. */
    static final byte[] WINDOWS = HexFormat.of().parseHex(String.join("",
            "4242", // transaction id of the query
            "8500", // response, opcode query, authoritative, recursion desired, rcode 0
            "0000", "0001", "0000", "0000", // no questions, one answer
            WINPC,
            "0020", "0001", // NB, IN
            "000493e0", // TTL 300000 s
            "0006", // one address entry
            "0000", "0a4d0009")); // unique B-node name, 10.77.0.9

    private static Inet4Address ip(String dotted) throws Exception {
        return (Inet4Address) InetAddress.getByName(dotted);
    }

    @Test
    void decodesAWindowsAnswer() throws Exception {
        NameAnswer a = NameAnswer.decode(WINDOWS, 0, WINDOWS.length);
        assertThat(a.transactionId()).isEqualTo(0x4242);
        assertThat(a.name()).isEqualTo(NetbiosName.computer("WINPC"));
        assertThat(a.ttlSeconds()).isEqualTo(300_000);
        assertThat(a.positive()).isTrue();
        assertThat(a.addresses()).containsExactly(ip("10.77.0.9"));
    }

    @Test
    void readsOurOwnResponder() throws Exception {
        byte[] ours = new NameQuery(7, NetbiosName.computer("alice"), true).positiveResponse(new byte[] {10, 77, 0, 1});
        NameAnswer a = NameAnswer.decode(ours, 0, ours.length);
        assertThat(a.addresses()).containsExactly(ip("10.77.0.1"));
        assertThat(a.ttlSeconds()).isEqualTo(NameQuery.TTL);
    }

    @Test
    void skipsGroupEntriesAndReadsSeveralAddresses() throws Exception {
        byte[] multi = HexFormat.of().parseHex(String.join("", "0001", "8580", "0000", "0001", "0000", "0000",
                WINPC, "0020", "0001", "00000000", "0012",
                "8000", "0a4d00fe", // a group entry: not a computer to write to
                "6000", "0a4d0009", // unique H-node
                "0000", "c0a83802")); // unique B-node on a second adapter
        NameAnswer a = NameAnswer.decode(multi, 0, multi.length);
        assertThat(a.addresses()).containsExactly(ip("10.77.0.9"),
                ip("192.168.56.2"));
    }

    @Test
    void negativeAnswerIsNotPositive() throws Exception {
        byte[] negative = HexFormat.of().parseHex(String.join("", "0001", "8583", "0000", "0001", "0000", "0000",
                WINPC, "0020", "0001", "00000000", "0000")); // rcode 3: name does not exist
        NameAnswer a = NameAnswer.decode(negative, 0, negative.length);
        assertThat(a.rcode()).isEqualTo(3);
        assertThat(a.positive()).isFalse();
    }

    @Test
    void queriesAndBrokenAnswersAreRejected() {
        byte[] query = new NameQuery(1, NetbiosName.computer("WINPC"), true).encode();
        assertThatThrownBy(() -> NameAnswer.decode(query, 0, query.length)).hasMessageContaining("not a name query response");
        byte[] odd = WINDOWS.clone();
        odd[odd.length - 7] = 5; // data length 5: not whole entries
        assertThatThrownBy(() -> NameAnswer.decode(odd, 0, odd.length)).hasMessageContaining("6-byte entries");
        byte[] nbstat = WINDOWS.clone();
        nbstat[46] = 0x21;
        assertThatThrownBy(() -> NameAnswer.decode(nbstat, 0, nbstat.length)).hasMessageContaining("not NB");
        for (int n = 0; n < WINDOWS.length; n++) {
            int len = n;
            assertThatThrownBy(() -> NameAnswer.decode(WINDOWS, 0, len)).isInstanceOf(MalformedMessageException.class);
        }
    }

    @Test
    void randomBytesOnlyEverFailAsMalformed() {
        check(5000, r -> {
            byte[] b = r.nextBoolean() ? bytes(r, 80) : WINDOWS.clone();
            if (b.length > 0) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            try {
                NameAnswer.decode(b, 0, b.length);
            } catch (MalformedMessageException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }
}
